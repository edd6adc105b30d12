//! Every key of a `sources.toml` document checked against the keys its table takes, before the
//! document is read into a config: each unknown key is a problem at its own line and column,
//! with the nearest valid key, and is then left out, so that the rest of the file is still
//! validated and `parallax check` lists every problem at once.

use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The field names of a serde-derived struct: what its `Deserialize` hands
/// `deserialize_struct`, read by a deserializer that only records them.
pub fn field_names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields
}

/// A deserializer that records the fields a struct asks for, then stops.
struct FieldProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for FieldProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The valid key nearest to `key` by edit distance, when it is near enough to be a slip (at
/// most a third of the key's letters, at least one, differ) or the start of it (`timeout` for
/// `timeout_secs`).
pub fn nearest<'a>(key: &str, valid: &[&'a str]) -> Option<&'a str> {
    let limit = (key.chars().count() / 3).max(1);
    valid
        .iter()
        .map(|v| (strsim::damerau_levenshtein(key, v), *v))
        .filter(|&(distance, v)| distance <= limit || (key.len() >= 3 && v.starts_with(key)))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, v)| v)
}

/// The keys each table of the document takes, by its path (`story.article`); None for a
/// table of free keys (`tags`) or one parallax does not know.
pub type Shape = fn(&str) -> Option<&'static [&'static str]>;

/// Removes every key of `table` (at `path`) and its nested tables that `shape` does not allow,
/// returning each one's span and message.
pub fn remove_unknown_keys(
    table: &mut DeTable<'_>,
    path: &str,
    shape: Shape,
) -> Vec<(Range<usize>, String)> {
    remove_in(table, path, "at the top level", shape)
}

/// [`remove_unknown_keys`] in the table at `path`, named `place` in messages.
fn remove_in(
    table: &mut DeTable<'_>,
    path: &str,
    place: &str,
    shape: Shape,
) -> Vec<(Range<usize>, String)> {
    let Some(valid) = shape(path) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let unknown: Vec<Spanned<std::borrow::Cow<'_, str>>> = table
        .keys()
        .filter(|k| !valid.contains(&k.get_ref().as_ref()))
        .cloned()
        .collect();
    for key in unknown {
        let name = key.get_ref().as_ref();
        let hint = match nearest(name, valid) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("valid keys: {}", valid.join(", ")),
        };
        problems.push((key.span(), format!("unknown key `{name}` {place}; {hint}")));
        table.remove(name);
    }
    for (key, value) in table.iter_mut() {
        let child = if path.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{path}.{}", key.get_ref())
        };
        match value.get_mut() {
            DeValue::Table(nested) => {
                problems.extend(remove_in(nested, &child, &format!("in [{child}]"), shape));
            }
            DeValue::Array(items) => {
                let place = format!("in a [[{child}]]");
                for item in items.iter_mut() {
                    if let DeValue::Table(nested) = item.get_mut() {
                        problems.extend(remove_in(nested, &child, &place, shape));
                    }
                }
            }
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Two {
        name: String,
        homepage: String,
    }

    #[test]
    fn field_names_are_read_from_the_derive() {
        assert_eq!(field_names::<Two>(), ["name", "homepage"]);
    }

    #[test]
    fn the_nearest_key_is_a_slip_not_a_guess() {
        let valid = ["id", "name", "homepage", "tags"];
        assert_eq!(nearest("nmae", &valid), Some("name"));
        assert_eq!(nearest("hompage", &valid), Some("homepage"));
        assert_eq!(nearest("colour", &valid), None);
        assert_eq!(
            nearest("timeout", &["read_timeout_secs", "timeout_secs"]),
            Some("timeout_secs")
        );
    }
}
