//! Daemon news for the session: every relevant event, loss of the connection, and its return
//! (reconnecting with backoff), plus a polling tick — all as messages on one channel.

use std::time::Duration;

use bollard::query_parameters::EventsOptions;
use futures_util::StreamExt;
use tokio::sync::mpsc::UnboundedSender;

use super::machine::Input;
use crate::docker::Daemon;

/// Everything the session loop waits for.
pub enum Msg {
    Input(Input),
    Answer(Option<String>),
    /// The daemon changed (an event arrived).
    Changed,
    Lost(String),
    Back(Daemon),
    Tick,
}

/// How often checks that no event can signal are re-run.
pub const POLL: Duration = Duration::from_secs(2);

/// Watch `daemon`'s events until the connection fails, then reconnect with backoff, forever.
/// The subscription is made before this returns' first await point completes, so callers
/// spawn it before recording a task's baseline.
pub async fn watch(mut daemon: Daemon, tx: UnboundedSender<Msg>) {
    loop {
        let types = vec!["container".into(), "image".into(), "volume".into(), "network".into()];
        let opts = EventsOptions {
            filters: Some([("type".to_owned(), types)].into()),
            ..Default::default()
        };
        let mut stream = daemon.docker.events(Some(opts));
        let reason = loop {
            match stream.next().await {
                Some(Ok(_)) => {
                    if tx.send(Msg::Changed).is_err() {
                        return;
                    }
                }
                Some(Err(e)) => break e.to_string(),
                None => break "the event stream ended".to_owned(),
            }
        };
        if tx.send(Msg::Lost(reason)).is_err() {
            return;
        }
        daemon = reconnect(&tx).await;
        if tx.send(Msg::Back(daemon.clone())).is_err() {
            return;
        }
    }
}

/// Try again after 1, 2, 4, 8, then every 10 seconds.
pub async fn reconnect(tx: &UnboundedSender<Msg>) -> Daemon {
    let mut delay = Duration::from_secs(1);
    loop {
        tokio::time::sleep(delay).await;
        if tx.is_closed() {
            std::future::pending::<()>().await;
        }
        if let Ok(d) = Daemon::connect().await {
            return d;
        }
        delay = (delay * 2).min(Duration::from_secs(10));
    }
}

/// A tick every [`POLL`].
pub async fn tick(tx: UnboundedSender<Msg>) {
    let mut interval = tokio::time::interval(POLL);
    interval.tick().await;
    loop {
        interval.tick().await;
        if tx.send(Msg::Tick).is_err() {
            return;
        }
    }
}
