"""deploy/: Kubernetes manifests valid against the Kubernetes schema (offline), the nginx config
valid and doing what its comments say (sticky cookie, websocket upgrade, failover), scripts valid."""

from __future__ import annotations

import copy
import os
import re
import secrets
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
K8S_VERSION = "1.30.0"  # a version whose schemas kubernetes-validate ships
HEALTH = "/_stcore/health"
COOKIE = "valkompass_route"


# --- Kubernetes ----------------------------------------------------------------------------------

def load_k8s() -> dict[str, list[dict[str, Any]]]:
    """File name → its YAML documents (a file may hold several)."""
    return {path.name: [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
            for path in sorted(K8S.glob("*.yaml"))}


MANIFESTS = load_k8s()
RESOURCES = [(name, i, doc) for name, docs in MANIFESTS.items() for i, doc in enumerate(docs)
             if doc.get("kind") != "Kustomization"]


def one(kind: str) -> dict[str, Any]:
    found = [doc for _, _, doc in RESOURCES if doc["kind"] == kind]
    assert len(found) == 1, f"expected one {kind} in deploy/k8s/, found {len(found)}"
    return copy.deepcopy(found[0])


def validate(resource: dict[str, Any]) -> None:
    kubernetes_validate.validate(resource, K8S_VERSION, strict=True)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation must use the bundled schemas: any attempt to connect anywhere fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access during validation: {args[1:]}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def test_the_manifests_are_there():
    kinds = sorted(doc["kind"] for _, _, doc in RESOURCES)
    assert kinds == ["Deployment", "Ingress", "PodDisruptionBudget", "Secret", "Service"]
    assert all(doc["apiVersion"] == "apps/v1" for _, _, doc in RESOURCES if doc["kind"] == "Deployment")
    assert all(doc["apiVersion"] == "networking.k8s.io/v1" for _, _, doc in RESOURCES if doc["kind"] == "Ingress")


@pytest.mark.parametrize(("name", "index"), [(name, i) for name, i, _ in RESOURCES])
def test_every_manifest_is_valid_kubernetes(name, index, no_network):
    validate(MANIFESTS[name][index])


def mutate_probe_port(deployment: dict[str, Any]) -> None:
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = ["http"]


def mutate_probe_period(deployment: dict[str, Any]) -> None:
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["periodSeconds"] = "often"


def mutate_typo(deployment: dict[str, Any]) -> None:  # caught by strict mode only
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")


def mutate_replicas(deployment: dict[str, Any]) -> None:
    deployment["spec"]["replicas"] = "two"


@pytest.mark.parametrize("mutate", [mutate_probe_port, mutate_probe_period, mutate_typo, mutate_replicas])
def test_an_invalid_manifest_is_caught(mutate, no_network):
    broken = one("Deployment")
    validate(broken)  # valid before the change
    mutate(broken)
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(broken)


def test_probes_database_secret_resources_and_security():
    deployment = one("Deployment")
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert container["command"] == ["streamlit", "run", "app.py", "--server.port", "8501",
                                    "--server.address", "0.0.0.0"]
    port_names = {p["name"]: p["containerPort"] for p in container["ports"]}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == HEALTH, probe
        assert port_names.get(get["port"], get["port"]) == 8501, probe
    database = [e for e in container["env"] if e["name"] == "VALKOMPASS_DATABASE_URL"]
    assert len(database) == 1 and "value" not in database[0], "the database URL must come from a Secret"
    ref = database[0]["valueFrom"]["secretKeyRef"]
    secret = one("Secret")
    assert ref["name"] == secret["metadata"]["name"] and ref["key"] in secret["stringData"]
    assert container["resources"]["requests"]["cpu"] == container["resources"]["limits"]["cpu"] == "1"
    assert "memory" in container["resources"]["requests"] and "memory" in container["resources"]["limits"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["image"].startswith("ghcr.io/OWNER/valkompass:")


def test_the_example_secret_is_clearly_an_example():
    text = (K8S / "secret.example.yaml").read_text(encoding="utf-8")
    assert "EXAMPLE ONLY" in text
    url = one("Secret")["stringData"]["url"]
    assert "EXAMPLE-NOT-A-PASSWORD" in url and ".example.invalid" in url


def test_service_and_ingress_reach_the_pods_with_cookie_affinity():
    deployment, service, ingress = one("Deployment"), one("Service"), one("Ingress")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["type"] == "ClusterIP"
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == "http"
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] == service["spec"]["ports"][0]["name"]
    assert ingress["spec"]["ingressClassName"] == "nginx"
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "session-cookie-name"] == COOKIE
    assert int(notes[prefix + "proxy-read-timeout"]) >= 3600
    assert int(notes[prefix + "proxy-send-timeout"]) >= 3600
    budget = one("PodDisruptionBudget")
    assert budget["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()


def test_kustomization_applies_everything_but_the_example_secret():
    kustomization = MANIFESTS["kustomization.yaml"][0]
    listed = kustomization["resources"]
    assert "secret.example.yaml" not in listed
    assert sorted(listed) == sorted(n for n in MANIFESTS if n not in ("kustomization.yaml", "secret.example.yaml"))
    image = one("Deployment")["spec"]["template"]["spec"]["containers"][0]["image"]
    assert [i["name"] for i in kustomization["images"]] == [image.rsplit(":", 1)[0]]


# --- nginx ---------------------------------------------------------------------------------------

NGINX_FALLBACK = Path("/usr/sbin/nginx")  # Debian's, not on a normal user's PATH


def nginx_binary() -> str:
    found = shutil.which("nginx") or (str(NGINX_FALLBACK) if NGINX_FALLBACK.exists() else None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but nginx is missing: .ci/run must install Debian's nginx")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx); CI installs it")
    return found


def test_missing_nginx_skips_locally_but_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(f"{__name__}.NGINX_FALLBACK", tmp_path / "no-nginx")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install nginx"):
        nginx_binary()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but nginx is missing"):
        nginx_binary()


def render(run: Path, listen: str, ports: list[int]) -> Path:
    """The config exactly as deploy/run-local.sh renders it."""
    rendered = subprocess.run(["bash", str(DEPLOY / "render-nginx.sh"), str(run), listen, *map(str, ports)],
                              capture_output=True, text=True, check=True)
    conf = run / "nginx.conf"
    conf.write_text(rendered.stdout, encoding="utf-8")
    return conf


def test_the_nginx_config_is_valid(tmp_path):
    nginx = nginx_binary()
    conf = render(tmp_path, "127.0.0.1:18080", [8501, 8502])
    text = conf.read_text(encoding="utf-8")
    assert "@" not in re.sub(r"#.*", "", text), "a placeholder was left unfilled"
    assert "server 127.0.0.1:8501 max_fails=" in text and "server 127.0.0.1:8502 max_fails=" in text
    run = subprocess.run([nginx, "-t", "-e", "stderr", "-c", str(conf), "-p", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("args", [["relative/run", "8080", "8501"], ["/tmp/x", "8080", "port"],
                                  ["/tmp/x", "8080", "70000"], ["/tmp/x;y", "8080", "8501"],
                                  ["/tmp/x", "8080"]])
def test_render_refuses_bad_arguments(args):
    run = subprocess.run(["bash", str(DEPLOY / "render-nginx.sh"), *args], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 2 and run.stdout == ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Backend(BaseHTTPRequestHandler):
    """Stands in for one Streamlit process: names itself, answers health, accepts an upgrade."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.server.dead:  # type: ignore[attr-defined]
            self.close_connection = True  # a dead process: no answer on a kept-alive connection either
            return
        seen = self.server.seen  # type: ignore[attr-defined]
        seen.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
        if self.headers.get("Upgrade", "").lower() == "websocket":
            self.send_response(101)
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("X-Backend", self.server.name)  # type: ignore[attr-defined]
            self.end_headers()
            self.close_connection = True
            return
        body = b"ok" if self.path == HEALTH else self.server.name.encode()  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def balanced(tmp_path) -> Iterator[dict[str, Any]]:
    """nginx, as rendered for run-local.sh, in front of two stand-in processes."""
    nginx = nginx_binary()
    servers = {}
    for name in ("a", "b"):
        server = ThreadingHTTPServer(("127.0.0.1", free_port()), Backend)
        server.daemon_threads = True
        server.name, server.seen, server.dead = name, [], False  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers[name] = server
    port = free_port()
    conf = render(tmp_path, f"127.0.0.1:{port}", [s.server_address[1] for s in servers.values()])
    process = subprocess.Popen([nginx, "-e", str(tmp_path / "error.log"), "-c", str(conf), "-p", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_nginx(process, port)
        yield {"url": f"http://127.0.0.1:{port}", "port": port, "servers": servers}
    finally:
        process.terminate()
        process.wait(timeout=10)
        for server in servers.values():
            server.shutdown()
            server.server_close()


def get(url: str, cookie: str | None = None) -> tuple[int, str, str | None]:
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode(), response.headers.get("Set-Cookie")


def test_nginx_sets_a_cookie_once_and_keeps_a_browser_on_one_process(balanced):
    status, body, health_cookie = get(balanced["url"] + HEALTH)
    assert (status, body, health_cookie) == (200, "ok", None)
    _, _, set_cookie = get(balanced["url"] + "/")
    assert set_cookie is not None
    match = re.fullmatch(rf"{COOKIE}=([0-9a-f]{{32}}); Path=/; HttpOnly; SameSite=Lax", set_cookie)
    assert match, set_cookie
    answers = [get(balanced["url"] + "/", match.group(1)) for _ in range(10)]
    assert len({body for _, body, _ in answers}) == 1, "one browser, one process"
    assert all(cookie is None for _, _, cookie in answers), "the cookie is set only when missing"
    spread = {get(balanced["url"] + "/", secrets.token_hex(16))[1] for _ in range(40)}
    assert spread == {"a", "b"}, "different browsers are spread over the processes"


def test_nginx_passes_the_websocket_upgrade(balanced):
    with socket.create_connection(("127.0.0.1", balanced["port"]), timeout=5) as sock:
        sock.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{balanced['port']}\r\n"
                      "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      f"Origin: http://127.0.0.1:{balanced['port']}\r\nCookie: {COOKIE}=x\r\n\r\n").encode())
        reply = sock.recv(4096).decode()
    assert reply.startswith("HTTP/1.1 101"), reply
    upgrade = next(seen for s in balanced["servers"].values() for seen in s.seen if seen["path"] == "/_stcore/stream")
    assert upgrade["upgrade"] == "websocket" and upgrade["connection"].lower() == "upgrade"
    assert upgrade["host"] == f"127.0.0.1:{balanced['port']}", "Streamlit compares Origin with Host, port included"


def test_nginx_moves_browsers_off_a_dead_process(balanced):
    cookies = [secrets.token_hex(16) for _ in range(20)]
    before = {cookie: get(balanced["url"] + "/", cookie)[1] for cookie in cookies}
    assert set(before.values()) == {"a", "b"}
    dead = balanced["servers"]["a"]
    dead.dead = True
    dead.shutdown()
    dead.server_close()
    try:
        after = {cookie: get(balanced["url"] + "/", cookie)[1] for cookie in cookies}
    except urllib.error.HTTPError as error:  # pragma: no cover - the assertion below explains
        pytest.fail(f"a request failed instead of moving to the live process: {error}")
    assert set(after.values()) == {"b"}
    assert all(after[c] == "b" for c in cookies if before[c] == "b"), "browsers on the live process stay"


# --- scripts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("script", ["run-local.sh", "render-nginx.sh"])
def test_the_scripts_are_valid_bash(script):
    run = subprocess.run(["bash", "-n", str(DEPLOY / script)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("script", ["run-local.sh", "render-nginx.sh"])
def test_the_scripts_pass_shellcheck(script):
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but shellcheck is missing: .ci/run must install Debian's shellcheck")
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    run = subprocess.run([shellcheck, str(DEPLOY / script)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


@pytest.mark.parametrize("args", [[], ["0"], ["two"], ["2", "--port"], ["2", "--port", "http"], ["2", "--bogus"]])
def test_run_local_refuses_bad_arguments_before_starting_anything(args):
    run = subprocess.run(["bash", str(DEPLOY / "run-local.sh"), *args], capture_output=True, text=True,
                         check=False, timeout=10)
    assert run.returncode == 2 and "usage: deploy/run-local.sh N" in run.stderr


# --- Logs hold no opinions -----------------------------------------------------------------------

SECRETS = {"teacher": "SECRETTEACHERTOKEN123", "board": "SECRETBOARDTOKEN456", "r": "AgSECRETSHARELINK789",
           "class": "SECRETCODE", "k": "SECRETPUPILKEY0123456"}


@contextmanager
def nginx_in_front_of_nothing(tmp_path: Path, level: str = "crit") -> Iterator[int]:
    """The rendered config, its error log at `level`, with one upstream where nothing listens."""
    nginx = nginx_binary()
    port, down = free_port(), free_port()
    conf = render(tmp_path, f"127.0.0.1:{port}", [down])
    conf.write_text(conf.read_text(encoding="utf-8").replace('error.log" crit;', f'error.log" {level};'),
                    encoding="utf-8")
    process = subprocess.Popen([nginx, "-e", str(tmp_path / "startup.log"), "-c", str(conf), "-p", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_nginx(process, port)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for_nginx(process: subprocess.Popen[bytes], port: int) -> None:
    """Up to 5 s for nginx to listen on `port`; its own error output if it exits first."""
    deadline = time.monotonic() + 5
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.05)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_nginx_logs_no_query_string_or_address_when_an_app_process_is_down(tmp_path):
    assert 'error_log "@RUN@/error.log" crit;' in (DEPLOY / "nginx.conf.template").read_text(encoding="utf-8")
    with nginx_in_front_of_nothing(tmp_path) as port:
        statuses = [status_of(f"http://127.0.0.1:{port}/?{name}={value}&lang=sv") for name, value in SECRETS.items()]
    assert statuses == [502] * len(SECRETS)  # the failing upstream path was taken every time
    logged = "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.glob("*.log"))
    assert not [value for value in SECRETS.values() if value in logged]
    assert "client:" not in logged and "request:" not in logged


def test_the_nginx_error_log_would_hold_the_secrets_at_the_error_level(tmp_path):
    """The check above can fail: the same setup at level `error` logs the request line."""
    with nginx_in_front_of_nothing(tmp_path, level="error") as port:
        assert status_of(f"http://127.0.0.1:{port}/?teacher={SECRETS['teacher']}") == 502
    assert SECRETS["teacher"] in (tmp_path / "error.log").read_text(encoding="utf-8")


def test_the_ingress_turns_the_access_log_off():
    annotations = one("Ingress")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/enable-access-log"] == "false"
