//! A step's duration that may come from the run: written as a duration
//! (`"1s"`) or as a template rendering one (`"{{ input.step_duration }}"`),
//! rendered inside the workflow from recorded state when the step runs.

use std::{fmt, time::Duration};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::DurationSpec;

#[derive(Debug, Clone, PartialEq)]
pub enum StepDuration {
    Fixed(DurationSpec),
    /// A template; its text must render a duration (`250ms`, `2s`).
    Template(String),
}

impl StepDuration {
    /// The duration, rendering the template with `render`.
    pub fn resolve(
        &self,
        render: impl FnOnce(&str) -> Result<String, String>,
    ) -> Result<Duration, String> {
        match self {
            StepDuration::Fixed(fixed) => Ok(fixed.0),
            StepDuration::Template(template) => {
                let text = render(template)?;
                humantime::parse_duration(text.trim()).map_err(|e| {
                    format!("`duration` rendered `{text}`, which is not a duration ({e})")
                })
            }
        }
    }

    /// The template, when it is one (for the spec's checks).
    pub fn template(&self) -> Option<&str> {
        match self {
            StepDuration::Template(template) => Some(template),
            StepDuration::Fixed(_) => None,
        }
    }
}

impl From<DurationSpec> for StepDuration {
    fn from(fixed: DurationSpec) -> Self {
        StepDuration::Fixed(fixed)
    }
}

impl fmt::Display for StepDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepDuration::Fixed(fixed) => fixed.fmt(f),
            StepDuration::Template(template) => f.write_str(template),
        }
    }
}

impl Serialize for StepDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StepDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.contains("{{") {
            return Ok(StepDuration::Template(text));
        }
        let fixed =
            DurationSpec::deserialize(serde::de::value::StrDeserializer::<D::Error>::new(&text))?;
        Ok(StepDuration::Fixed(fixed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duration_is_fixed_or_a_template_and_round_trips_as_written() {
        let fixed: StepDuration = serde_json::from_str("\"1s\"").unwrap();
        assert_eq!(
            fixed,
            StepDuration::Fixed(DurationSpec(Duration::from_secs(1)))
        );
        assert_eq!(serde_json::to_string(&fixed).unwrap(), "\"1s\"");
        let template: StepDuration = serde_json::from_str("\"{{ input.d }}\"").unwrap();
        assert_eq!(template.template(), Some("{{ input.d }}"));
        assert_eq!(
            serde_json::to_string(&template).unwrap(),
            "\"{{ input.d }}\""
        );
        let bad = serde_json::from_str::<StepDuration>("\"soon\"").unwrap_err();
        assert!(bad.to_string().contains("not a duration"), "{bad}");
    }

    #[test]
    fn a_template_renders_to_a_duration_or_says_what_it_rendered() {
        let template = StepDuration::Template("{{ input.d }}".into());
        assert_eq!(
            template.resolve(|_| Ok(" 20ms".into())),
            Ok(Duration::from_millis(20))
        );
        let wrong = template.resolve(|_| Ok("later".into())).unwrap_err();
        assert!(wrong.contains("rendered `later`"), "{wrong}");
        assert_eq!(
            StepDuration::Fixed(DurationSpec(Duration::from_secs(2))).resolve(|_| unreachable!()),
            Ok(Duration::from_secs(2))
        );
    }

    #[test]
    fn a_duration_template_is_checked_like_any_other() {
        let step = "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\n";
        let undeclared = format!("name = \"x\"\n{step}duration = \"{{{{ input.nope }}}}\"\n");
        let err = crate::pipeline::parse_toml(&undeclared).unwrap_err();
        assert!(err.message.contains("input.nope"), "{err}");
        let declared = format!(
            "name = \"x\"\n[inputs.d]\ndefault = \"5ms\"\n{step}duration = \"{{{{ input.d }}}}\"\n"
        );
        crate::pipeline::parse_toml(&declared).unwrap();
    }
}
