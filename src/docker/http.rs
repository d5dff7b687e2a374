//! The `http` check: fetch a URL the learner's container serves, with a short timeout.

use std::time::Duration;

use crate::check::HttpAnswer;

/// Bodies are read up to this size.
const MAX_BODY: u64 = 1 << 20;

/// GET `url` (plain HTTP), never failing: errors become part of the answer.
pub async fn fetch(url: &str) -> HttpAnswer {
    let url = url.to_owned();
    let joined = tokio::task::spawn_blocking(move || fetch_blocking(&url)).await;
    joined.unwrap_or_else(|e| HttpAnswer { error: Some(e.to_string()), ..Default::default() })
}

fn fetch_blocking(url: &str) -> HttpAnswer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(3)))
        .http_status_as_error(false)
        .build()
        .into();
    match agent.get(url).call() {
        Ok(mut resp) => {
            let status = resp.status().as_u16();
            let body =
                resp.body_mut().with_config().limit(MAX_BODY).read_to_string().unwrap_or_default();
            HttpAnswer { status: Some(status), body, error: None }
        }
        Err(e) => HttpAnswer { status: None, body: String::new(), error: Some(e.to_string()) },
    }
}
