//! A typed consumer as a harness: the Rust types a service decodes its messages into, and
//! the IHOP v1 protocol (Bowtie's) around them. An instance is "valid" when serde decodes
//! it into the type the schema describes, "invalid" when decoding fails. The instance is
//! decoded from its exact text in the request line (`1.0`, `-0`, `9007199254740993` stay
//! as written), as a service decodes the bytes it receives.

mod types;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};
use std::io::{self, BufRead, Write};

#[derive(Deserialize)]
struct Head {
    cmd: String,
}

#[derive(Deserialize)]
struct Run<'a> {
    seq: Value,
    #[serde(borrow)]
    case: Case<'a>,
}

#[derive(Deserialize)]
struct Case<'a> {
    schema: Value,
    #[serde(default)]
    registry: Map<String, Value>,
    #[serde(borrow)]
    tests: Vec<Test<'a>>,
}

#[derive(Deserialize)]
struct Test<'a> {
    #[serde(borrow)]
    instance: &'a RawValue,
}

const DIALECTS: [&str; 5] = [
    "https://json-schema.org/draft/2020-12/schema",
    "https://json-schema.org/draft/2019-09/schema",
    "http://json-schema.org/draft-07/schema#",
    "http://json-schema.org/draft-06/schema#",
    "http://json-schema.org/draft-04/schema#",
];

fn main() {
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(l) => l,
            Err(_) => break,
        };
        let cmd = match serde_json::from_str::<Head>(&line) {
            Ok(h) => h.cmd,
            Err(e) => {
                eprintln!("not a command: {e}");
                std::process::exit(1);
            }
        };
        let reply = match cmd.as_str() {
            "start" => json!({
                "version": 1,
                "implementation": {
                    "language": "rust",
                    "name": "serde-consumer",
                    "version": env!("CARGO_PKG_VERSION"),
                    "homepage": "https://serde.rs",
                    "issues": "https://github.com/serde-rs/json/issues",
                    "source": "examples/rust-serde-consumer",
                    "dialects": DIALECTS,
                }
            }),
            "dialect" => json!({ "ok": true }),
            "run" => run(&line),
            "stop" => return,
            other => {
                eprintln!("unknown command {other}");
                std::process::exit(1);
            }
        };
        writeln!(out, "{reply}").expect("stdout");
        out.flush().expect("stdout");
    }
}

/** One `run`: every instance decoded into the type the schema names, or the case skipped. */
fn run(line: &str) -> Value {
    let request: Run = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return json!({ "seq": null, "errored": true, "context": { "message": format!("bad run request: {e}") } }),
    };
    let name = type_name(&request.case.schema, &request.case.registry);
    let decode = match name.as_deref().and_then(types::decoder_of) {
        Some(d) => d,
        None => {
            let message = format!("no Rust type for this schema ({})", name.as_deref().unwrap_or("no title or definition name"));
            return json!({ "seq": request.seq, "skipped": true, "message": message });
        }
    };
    let results: Vec<Value> = request.case.tests.iter().map(|t| json!({ "valid": decode(t.instance.get()) })).collect();
    json!({ "seq": request.seq, "results": results })
}

/**
 * Which type a schema describes: its `title`; for a definition of a bundle (`{"$ref":
 * "<bundle>#/definitions/AuthMode"}`), the definition's name; else the referenced document's title.
 */
fn type_name(schema: &Value, registry: &Map<String, Value>) -> Option<String> {
    if let Some(title) = schema.get("title").and_then(Value::as_str) {
        return Some(title.to_string());
    }
    let reference = schema.get("$ref").and_then(Value::as_str)?;
    match reference.split_once('#') {
        Some((_, pointer)) if !pointer.is_empty() => pointer.rsplit('/').next().map(str::to_string),
        _ => registry.get(reference).and_then(|d| d.get("title")).and_then(Value::as_str).map(str::to_string),
    }
}
