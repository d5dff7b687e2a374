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

/// What a set check needs to know about one kind of member.
trait Member {
    type Where;
    fn id(&self) -> &str;
    /// How a member is named in explanations.
    fn label(&self) -> String;
    /// The first condition of `w` this member fails, if any.
    fn test(&self, w: &Self::Where) -> Option<String>;
}

impl Member for ContainerInfo {
    type Where = ContainerWhere;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> String {
        words::container_item(self)
    }
    fn test(&self, w: &ContainerWhere) -> Option<String> {
        container_where(self, w)
    }
}

impl Member for ImageInfo {
    type Where = ImageWhere;
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> String {
        words::image_item(self)
    }
    fn test(&self, w: &ImageWhere) -> Option<String> {
        image_where(self, w)
    }
}

/// The parts shared by container and image set specs.
struct Set<'a, W> {
    noun: String,
    new: bool,
    where_: Option<&'a W>,
    count: &'a Matcher,
    quantifiers: [(&'static str, Option<&'a W>); 3],
    /// The baseline's ids of this kind.
    before: fn(&Baseline) -> &BTreeSet<String>,
}

impl<W> Set<'_, W> {
    /// Narrow the listed members by `new` and `where`, count them, then apply the quantifiers.
    fn verdict<M: Member<Where = W>>(&self, listed: &[M], baseline: Option<&Baseline>) -> Verdict {
        let members: Vec<&M> = listed
            .iter()
            .filter(|m| !self.new || is_new(m.id(), baseline, self.before))
            .filter(|m| self.where_.is_none_or(|w| m.test(w).is_none()))
            .collect();
        let items: Vec<String> = members.iter().map(|m| m.label()).collect();
        let counted = count_verdict(self.count, &self.noun, &items);
        if !counted.passed {
            return counted;
        }
        for (kind, q) in self.quantifiers {
            let Some(w) = q else { continue };
            let results: Vec<(String, Option<String>)> =
                members.iter().map(|m| (m.label(), m.test(w))).collect();
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
    let before: fn(&Baseline) -> &BTreeSet<String> = |b| &b.containers;
    if set.removed {
        let all = answered(&input.snapshot.containers, "");
        return removed(
            all,
            |c| &c.id,
            input.baseline,
            before,
            &set.count,
            "container{s} removed since the task started",
        );
    }
    let listed = answered(
        &input.snapshot.containers,
        &filters_key(&input.scope.container_set(&set.filters)),
    );
    let spec = Set {
        noun: words::container_set_noun(set),
        new: set.new,
        where_: set.where_.as_ref(),
        count: &set.count,
        quantifiers: [
            ("every", set.every.as_ref()),
            ("any", set.any.as_ref()),
            ("none", set.none.as_ref()),
        ],
        before,
    };
    spec.verdict(listed, input.baseline)
}

pub(super) fn image_set(set: &ImageSet, input: &EvalInput<'_>) -> Verdict {
    let before: fn(&Baseline) -> &BTreeSet<String> = |b| &b.images;
    if set.removed {
        let all = answered(&input.snapshot.images, "");
        return removed(
            all,
            |i| &i.id,
            input.baseline,
            before,
            &set.count,
            "image{s} removed since the task started",
        );
    }
    let listed =
        answered(&input.snapshot.images, &filters_key(&input.scope.image_set(&set.filters)));
    let spec = Set {
        noun: words::image_set_noun(set),
        new: set.new,
        where_: set.where_.as_ref(),
        count: &set.count,
        quantifiers: [
            ("every", set.every.as_ref()),
            ("any", set.any.as_ref()),
            ("none", set.none.as_ref()),
        ],
        before,
    };
    spec.verdict(listed, input.baseline)
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
