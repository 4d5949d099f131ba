"""Deployment files: Kubernetes manifests valid against the schema (offline), nginx config valid."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.30.0"


def manifests() -> dict[str, dict]:
    files = sorted((DEPLOY / "k8s").glob("*.yaml"))
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}


@pytest.mark.parametrize("name", sorted(manifests()))
def test_every_manifest_is_valid_kubernetes(name):
    kubernetes_validate.validate(manifests()[name], K8S_VERSION, strict=True)


def test_an_invalid_manifest_is_caught():
    broken = copy.deepcopy(manifests()["deployment.yaml"])
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = ["http"]
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_probes_database_secret_and_cookie_affinity():
    deployment, ingress = manifests()["deployment.yaml"], manifests()["ingress.yaml"]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    database = next(e for e in container["env"] if e["name"] == "VALKOMPASS_DATABASE_URL")
    assert database["valueFrom"]["secretKeyRef"]["name"] == manifests()["secret.example.yaml"]["metadata"]["name"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"


def render_nginx(tmp_path: Path, ports: list[int]) -> Path:
    upstreams = "\n".join(f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;" for p in ports)
    text = (DEPLOY / "nginx.conf.template").read_text(encoding="utf-8")
    conf = tmp_path / "nginx.conf"
    conf.write_text(text.replace("@UPSTREAMS@", upstreams).replace("@PORT@", "18080").replace("@RUN@", str(tmp_path)),
                    encoding="utf-8")
    return conf


def test_the_nginx_config_is_valid(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but nginx is missing: .ci/run must install Debian's nginx")
        pytest.skip("Debian's nginx is not installed (apt-get install nginx); CI installs it")
    conf = render_nginx(tmp_path, [8501, 8502])
    run = subprocess.run([nginx, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr


def test_the_start_script_is_valid_bash():
    assert subprocess.run(["bash", "-n", str(DEPLOY / "run-local.sh")], check=False).returncode == 0
