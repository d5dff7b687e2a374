#!/usr/bin/env bash
# docktutor self-test wrapper around the real docker CLI: labels what commands create with
# docktutor.selftest=$DOCKTUTOR_SELFTEST_RUN and scopes listing and pruning to that label,
# so a lesson's solution runs verbatim without touching anything the test did not create.
real="${DOCKTUTOR_REAL_DOCKER:?}"
lbl="docktutor.selftest=${DOCKTUTOR_SELFTEST_RUN:?}"
cmd="${1:-}"
case "$cmd" in
  run|create) exec "$real" "$cmd" --label "$lbl" "${@:2}" ;;
  build) exec "$real" build --label "$lbl" "${@:2}" ;;
  commit) exec "$real" commit --change "LABEL $lbl" "${@:2}" ;;
  ps) exec "$real" ps --filter "label=$lbl" "${@:2}" ;;
  container|volume|network|image|system|builder)
    sub="${2:-}"
    case "$cmd $sub" in
      "container run"|"container create"|"volume create"|"network create") exec "$real" "$cmd" "$sub" --label "$lbl" "${@:3}" ;;
      "image build") exec "$real" image build --label "$lbl" "${@:3}" ;;
      "container commit") exec "$real" container commit --change "LABEL $lbl" "${@:3}" ;;
      "container ls"|"container list"|"container ps"|"volume ls"|"volume list"|"network ls"|"network list") exec "$real" "$cmd" "$sub" --filter "label=$lbl" "${@:3}" ;;
      *" prune") exec "$real" "$cmd" prune --filter "label=$lbl" "${@:3}" ;;
    esac ;;
esac
exec "$real" "$@"
