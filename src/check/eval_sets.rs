//! Set checks: the members the daemon listed, narrowed by `new` and `where`, then counted
//! and quantified (`every`, `any`, `none`).

use std::collections::{BTreeMap, BTreeSet};

use super::eval::{EvalInput, Verdict};
use super::matcher::Matcher;
use super::props::Props;
use super::query::filters_key;
use super::snapshot::{Baseline, ContainerInfo, ImageInfo};
use super::spec::{ContainerSet, ContainerWhere, ImageSet, ImageWhere, NetworkSet, VolumeSet};
use super::words;

pub(super) fn is_new(
    id: &str,
    baseline: Option<&Baseline>,
    pick: fn(&Baseline) -> &BTreeSet<String>,
) -> bool {
    baseline.is_none_or(|b| !pick(b).contains(id))
}

pub(super) fn answered<'a, T>(map: &'a BTreeMap<String, Vec<T>>, key: &str) -> &'a [T] {
    map.get(key).map(Vec::as_slice).unwrap_or(&[])
}

/// Count the set, then apply the quantifiers; `label` names a member in explanations.
struct SetVerdict<'a, T> {
    noun: String,
    members: Vec<&'a T>,
    label: fn(&T) -> String,
    test: &'a dyn Fn(&T, &Quantified) -> Option<String>,
}

/// Which of a set's condition maps is being applied.
pub(super) enum Quantified<'a> {
    Container(&'a ContainerWhere),
    Image(&'a ImageWhere),
}

impl<T> SetVerdict<'_, T> {
    fn verdict(
        &self,
        count: &Matcher,
        quantifiers: [(&str, Option<Quantified<'_>>); 3],
    ) -> Verdict {
        let items: Vec<String> = self.members.iter().map(|m| (self.label)(m)).collect();
        let counted = count_verdict(count, &self.noun, &items);
        if !counted.passed {
            return counted;
        }
        for (kind, q) in quantifiers {
            let Some(q) = q else { continue };
            let results: Vec<(String, Option<String>)> =
                self.members.iter().map(|m| ((self.label)(m), (self.test)(m, &q))).collect();
            let failing: Vec<String> = results
                .iter()
                .filter_map(|(l, f)| f.as_ref().map(|f| format!("{l}: {f}")))
                .collect();
            let ok = match kind {
                "every" => failing.is_empty(),
                "any" => failing.len() < results.len(),
                _ => failing.len() == results.len(),
            };
            if !ok {
                let noun = words::plural(&self.noun, false);
                return Verdict::fail(match kind {
                    "every" => {
                        format!("not all {noun} qualify: {}", words::list_items(&failing, 3))
                    }
                    "any" => {
                        format!("none of the {noun} qualifies: {}", words::list_items(&failing, 3))
                    }
                    _ => {
                        let passing: Vec<String> = results
                            .iter()
                            .filter(|(_, f)| f.is_none())
                            .map(|(l, _)| l.clone())
                            .collect();
                        format!(
                            "some {noun} should not be there: {}",
                            words::list_items(&passing, 5)
                        )
                    }
                });
            }
        }
        counted
    }
}

pub(super) fn count_verdict(count: &Matcher, noun: &str, items: &[String]) -> Verdict {
    let n = items.len();
    let tail = if n == 0 { String::new() } else { format!(": {}", words::list_items(items, 5)) };
    let v = if count.matches_int(n) {
        Verdict::pass(format!("found {n} {}{tail}", words::plural(noun, n == 1)))
    } else {
        let expected = count.describe();
        let one = expected == "1" || expected.ends_with(" 1");
        Verdict::fail(format!("expected {expected} {}, found {n}{tail}", words::plural(noun, one)))
    };
    Verdict { found: items.to_vec(), ..v }
}

fn container_where(c: &ContainerInfo, w: &ContainerWhere) -> Option<String> {
    let mut p = Props::new();
    p.text("name", w.name.as_ref(), &c.name)
        .text("image", w.image.as_ref(), &c.image)
        .text("state", w.state.as_ref(), &c.state)
        .check("exit code", w.exit_code.as_ref(), c.exit_code.map(super::matcher::Scalar::Int))
        .text("command", w.command.as_ref(), &c.command)
        .map("label", &w.labels, &c.labels);
    p.mismatch().map(str::to_owned)
}

fn image_where(i: &ImageInfo, w: &ImageWhere) -> Option<String> {
    let mut p = Props::new();
    if let Some(m) = &w.tag {
        let any = i.tags.iter().any(|t| m.matches(Some(&super::matcher::Scalar::Str(t.clone()))));
        p.require(any, || {
            format!("expected a tag {}, found {}", m.describe(), words::image_item(i))
        });
    }
    p.int("size", w.size.as_ref(), i.size).map("label", &w.labels, &i.labels);
    p.mismatch().map(str::to_owned)
}

/// Objects of the baseline that no longer exist, by short id.
fn removed<T>(
    now: &[T],
    id: fn(&T) -> &str,
    before: Option<&Baseline>,
    pick: fn(&Baseline) -> &BTreeSet<String>,
    count: &Matcher,
    noun: &str,
) -> Verdict {
    let Some(b) = before else {
        return Verdict::fail(format!(
            "{} needs a recorded task start; start the task in the runner",
            words::plural(noun, false)
        ));
    };
    let present: BTreeSet<&str> = now.iter().map(id).collect();
    let gone: Vec<String> = pick(b)
        .iter()
        .filter(|i| !present.contains(i.as_str()))
        .map(|i| words::short_id(i))
        .collect();
    count_verdict(count, noun, &gone)
}

pub(super) fn container_set(set: &ContainerSet, input: &EvalInput<'_>) -> Verdict {
    if set.removed {
        let all = answered(&input.snapshot.containers, "");
        return removed(
            all,
            |c| &c.id,
            input.baseline,
            |b| &b.containers,
            &set.count,
            "container{s} removed since the task started",
        );
    }
    let key = filters_key(&input.scope.container_set(&set.filters));
    let members: Vec<&ContainerInfo> = answered(&input.snapshot.containers, &key)
        .iter()
        .filter(|c| !set.new || is_new(&c.id, input.baseline, |b| &b.containers))
        .filter(|c| set.where_.as_ref().is_none_or(|w| container_where(c, w).is_none()))
        .collect();
    let test = |c: &ContainerInfo, q: &Quantified| match q {
        Quantified::Container(w) => container_where(c, w),
        Quantified::Image(_) => None,
    };
    let sv = SetVerdict {
        noun: words::container_set_noun(set),
        members,
        label: words::container_item,
        test: &test,
    };
    let [every, any, none] =
        [&set.every, &set.any, &set.none].map(|w| w.as_ref().map(Quantified::Container));
    sv.verdict(&set.count, [("every", every), ("any", any), ("none", none)])
}

pub(super) fn image_set(set: &ImageSet, input: &EvalInput<'_>) -> Verdict {
    if set.removed {
        let all = answered(&input.snapshot.images, "");
        return removed(
            all,
            |i| &i.id,
            input.baseline,
            |b| &b.images,
            &set.count,
            "image{s} removed since the task started",
        );
    }
    let key = filters_key(&input.scope.image_set(&set.filters));
    let members: Vec<&ImageInfo> = answered(&input.snapshot.images, &key)
        .iter()
        .filter(|i| !set.new || is_new(&i.id, input.baseline, |b| &b.images))
        .filter(|i| set.where_.as_ref().is_none_or(|w| image_where(i, w).is_none()))
        .collect();
    let test = |i: &ImageInfo, q: &Quantified| match q {
        Quantified::Image(w) => image_where(i, w),
        Quantified::Container(_) => None,
    };
    let sv = SetVerdict {
        noun: words::image_set_noun(set),
        members,
        label: words::image_item,
        test: &test,
    };
    let [every, any, none] =
        [&set.every, &set.any, &set.none].map(|w| w.as_ref().map(Quantified::Image));
    sv.verdict(&set.count, [("every", every), ("any", any), ("none", none)])
}

pub(super) fn volume_set(set: &VolumeSet, input: &EvalInput<'_>) -> Verdict {
    let key = filters_key(&input.scope.volume_set(&set.filters));
    let items: Vec<String> =
        answered(&input.snapshot.volumes, &key).iter().map(|v| v.name.clone()).collect();
    count_verdict(&set.count, &words::filtered_noun("volume{s}", &key), &items)
}

pub(super) fn network_set(set: &NetworkSet, input: &EvalInput<'_>) -> Verdict {
    let key = filters_key(&input.scope.network_set(&set.filters));
    let items: Vec<String> =
        answered(&input.snapshot.networks, &key).iter().map(|n| n.name.clone()).collect();
    count_verdict(&set.count, &words::filtered_noun("network{s}", &key), &items)
}
