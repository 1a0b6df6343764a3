//! A small real HTTP server for tests: it records every request it receives
//! and answers with a status and body chosen per path. By hand rather than a
//! crate: recording requests with their headers, per-path replies and a
//! dead port are all the tests need, in fewer lines than wiring a server
//! crate's handler would take.

use std::{
    collections::HashMap,
    io::{BufRead, BufReader, Read, Write},
    net::TcpListener,
    sync::{Arc, Mutex},
};

#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: String,
    /// When it arrived.
    pub at: std::time::Instant,
}

#[derive(Clone)]
pub struct HttpRecorder {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    replies: Arc<Mutex<HashMap<String, (u16, String)>>>,
}

impl HttpRecorder {
    pub fn start() -> HttpRecorder {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind test HTTP server");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let recorder = HttpRecorder {
            url,
            received: Arc::default(),
            replies: Arc::default(),
        };
        let serving = recorder.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let serving = serving.clone();
                std::thread::spawn(move || serving.serve(stream));
            }
        });
        recorder
    }

    /// What `path` answers (default: 200 with `{"ok": true}`).
    pub fn reply(&self, path: &str, status: u16, body: &str) {
        self.replies
            .lock()
            .unwrap()
            .insert(path.to_string(), (status, body.to_string()));
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    fn serve(&self, stream: std::net::TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_string();
        let path = parts.next().unwrap_or_default().to_string();
        let mut headers = HashMap::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
            }
        }
        let length: usize = headers
            .get("content-length")
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0u8; length];
        let _ = reader.read_exact(&mut body);
        self.received.lock().unwrap().push(Received {
            method,
            path: path.clone(),
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
            at: std::time::Instant::now(),
        });
        let (status, body) = self
            .replies
            .lock()
            .unwrap()
            .get(&path)
            .cloned()
            .unwrap_or((200, r#"{"ok": true}"#.to_string()));
        let mut stream = stream;
        let _ = write!(
            stream,
            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
    }
}
