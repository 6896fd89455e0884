//! The consumer's types, as a Rust service declares them for serde.

// The fields are there to be decoded (a field of the wrong type is a decode error), not read.
#![allow(dead_code)]

use serde::Deserialize;

/// `AuthMode` as it was before `agentIdentity` was added: a client built then.
#[derive(Deserialize, Debug)]
pub enum AuthMode {
    #[serde(rename = "apikey")]
    ApiKey,
    #[serde(rename = "chatgpt")]
    Chatgpt,
    #[serde(rename = "chatgptAuthTokens")]
    ChatgptAuthTokens,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "snake_case")]
pub enum PlanType {
    Free,
    Go,
    Plus,
    Pro,
    Prolite,
    Team,
    SelfServeBusinessUsageBased,
    Business,
    EnterpriseCbpUsageBased,
    Enterprise,
    Edu,
    Unknown,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AccountUpdatedNotification {
    pub auth_mode: Option<AuthMode>,
    pub plan_type: Option<PlanType>,
}

/// schema/examples/file-tree.json: `size` is a `u64`, `mode` a `u32` (schemars' uint64, uint32).
#[derive(Deserialize, Debug)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Entry {
    File(File),
    Directory(Directory),
}

#[derive(Deserialize, Debug)]
pub struct File {
    pub name: String,
    pub size: u64,
    pub mode: Option<u32>,
}

#[derive(Deserialize, Debug)]
pub struct Directory {
    pub name: String,
    pub children: Vec<Entry>,
}

/// Decodes a JSON text as one type: true when serde accepts it.
pub type Decoder = fn(&str) -> bool;

fn decodes<T: for<'de> Deserialize<'de>>(text: &str) -> bool {
    serde_json::from_str::<T>(text).is_ok()
}

/// The type of a schema by its title or definition name.
pub fn decoder_of(name: &str) -> Option<Decoder> {
    Some(match name {
        "AccountUpdatedNotification" => decodes::<AccountUpdatedNotification>,
        "AuthMode" => decodes::<AuthMode>,
        "PlanType" => decodes::<PlanType>,
        "FileTree" | "Entry" => decodes::<Entry>,
        "File" => decodes::<File>,
        "Directory" => decodes::<Directory>,
        _ => return None,
    })
}
