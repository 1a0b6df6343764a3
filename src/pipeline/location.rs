//! Where a problem in a spec is: a typed path into the spec (`steps[2]`
//! → `retry` → `attempts`), found in the TOML text through the parser's own
//! spans. Validation names what is wrong and where, never a word for the
//! locator to search for.

use std::fmt;

use toml::de::{DeTable, DeValue};

/// Keys and list positions from the top of a spec.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpecPath(Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl SpecPath {
    pub fn root() -> SpecPath {
        SpecPath::default()
    }

    pub fn key(&self, key: &str) -> SpecPath {
        let mut path = self.clone();
        path.0.push(Segment::Key(key.to_string()));
        path
    }

    pub fn index(&self, index: usize) -> SpecPath {
        let mut path = self.clone();
        path.0.push(Segment::Index(index));
        path
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for SpecPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// 1-based line and column of a byte offset; columns count characters,
/// as an editor shows them.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The line and column in TOML `text` of the deepest part of `path` the
/// text has (a key the spec lacks is reported where its table is).
pub fn locate(text: &str, path: &SpecPath) -> Option<(usize, usize)> {
    let document = DeTable::parse(text).ok()?;
    let mut table = Some(document.get_ref());
    let mut value: Option<&DeValue<'_>> = None;
    let mut span: Option<std::ops::Range<usize>> = None;
    for segment in &path.0 {
        let found = match segment {
            Segment::Key(key) => table
                .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == key))
                .map(|(k, v)| (k.span(), v.get_ref())),
            Segment::Index(index) => match value {
                Some(DeValue::Array(items)) => items.get(*index).map(|i| (i.span(), i.get_ref())),
                _ => None,
            },
        };
        let Some((found_span, found)) = found else {
            break;
        };
        span = Some(found_span);
        value = Some(found);
        table = match value {
            Some(DeValue::Table(inner)) => Some(inner),
            _ => None,
        };
    }
    span.map(|span| line_col(text, span.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str =
        "name = \"x\"\n[[steps]]\nid = \"a\"\n\n[[steps]]\nid = \"b\"\nretry = { attempts = 0 }\n";

    #[test]
    fn a_path_reads_like_the_spec() {
        let path = SpecPath::root().key("steps").index(1).key("retry");
        assert_eq!(path.to_string(), "steps[1].retry");
    }

    #[test]
    fn a_key_is_found_where_it_is_written() {
        let path = SpecPath::root()
            .key("steps")
            .index(1)
            .key("retry")
            .key("attempts");
        assert_eq!(locate(SPEC, &path), Some((7, 11)));
        let id = SpecPath::root().key("steps").index(1).key("id");
        assert_eq!(locate(SPEC, &id), Some((6, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("ä = 1\nbé = 2", 10), (2, 3));
        assert_eq!(line_col("aé", 2), (1, 2));
    }
}
