#!/usr/bin/env python3
"""Offline checks of deploy/ for a machine with no container engine or cluster to try it on.

    python3 deploy/validate.py

Parses compose.yaml and k8s/*.yaml as YAML (PyYAML: apt python3-yaml) and checks what a typo
would break without any error until deploy time: selectors that match their pods, probe ports
that exist, secret references that resolve, compose build targets that exist in the Dockerfile.
It is not a schema check; `kubectl kustomize deploy/k8s` renders the manifests, and a real
cluster's `kubectl apply --dry-run=server` is the full one.
"""
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
errors = []


def check(condition, message):
    if not condition:
        errors.append(message)


def main():
    stages = set(re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)", (HERE / "Dockerfile").read_text(), re.M | re.I))

    compose = yaml.safe_load((HERE / "compose.yaml").read_text())
    for name, service in compose["services"].items():
        build = service.get("build")
        if build:
            check(build.get("target") in stages, f"compose: {name} builds target {build.get('target')!r}, not a stage in Dockerfile {sorted(stages)}")
        for dependency in service.get("depends_on", {}):
            check(dependency in compose["services"], f"compose: {name} depends on unknown service {dependency}")
        if name != "postgres":
            check("healthcheck" in service, f"compose: {name} has no healthcheck")
            check("ConnectionStrings__Postgres" in service.get("environment", {}), f"compose: {name} has no connection string")

    kustomization = yaml.safe_load((HERE / "k8s" / "kustomization.yaml").read_text())
    docs = []
    for resource in kustomization["resources"]:
        path = HERE / "k8s" / resource
        check(path.exists(), f"k8s: kustomization lists missing {resource}")
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    on_disk = {p.name for p in (HERE / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    check(on_disk == set(kustomization["resources"]), f"k8s: files not in kustomization: {sorted(on_disk - set(kustomization['resources']))}")

    secrets = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Secret"}
    deployments = [d for d in docs if d["kind"] == "Deployment"]
    for doc in docs:
        check({"apiVersion", "kind", "metadata"} <= doc.keys() and doc["metadata"].get("name"), f"k8s: incomplete object {doc}")

    for deployment in deployments:
        name = deployment["metadata"]["name"]
        spec = deployment["spec"]
        labels = spec["template"]["metadata"]["labels"]
        check(spec["selector"]["matchLabels"].items() <= labels.items(), f"k8s: {name} selector does not match its pod labels")
        check(spec["template"]["spec"].get("terminationGracePeriodSeconds", 30) >= 40, f"k8s: {name} grace period shorter than the host's 30 s shutdown + margin")
        for container in spec["template"]["spec"]["containers"]:
            ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                port = container.get(probe, {}).get("httpGet", {}).get("port")
                check(port in ports or port in ports.values(), f"k8s: {name} {probe} uses port {port!r}, not declared")
            check(container.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/health/ready", f"k8s: {name} readiness is not /health/ready")
            check(container.get("livenessProbe", {}).get("httpGet", {}).get("path") == "/health/live", f"k8s: {name} liveness is not /health/live")
            env = {e["name"]: e for e in container.get("env", [])}
            for var in env.values():
                ref = var.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    secret = secrets.get(ref["name"], {})
                    check(ref["key"] in secret.get("stringData", {}) or ref["key"] in secret.get("data", {}), f"k8s: {name} reads missing secret key {ref['name']}/{ref['key']}")
            check(env.get("Cluster__ServiceId", {}).get("value"), f"k8s: {name} names no Cluster__ServiceId (Orleans keys state and reminders by it)")
            if env.get("Cluster__HostsGrains", {}).get("value") == "false":
                continue  # an Orleans client opens no port: it dials the silos' gateways
            advertised = env.get("Cluster__AdvertisedHost", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
            check(advertised == "status.podIP", f"k8s: {name} does not advertise its pod IP")
            for setting in ("Cluster__SiloPort", "Cluster__GatewayPort"):
                port = env.get(setting, {}).get("value")
                check(port is not None and int(port) in ports.values(), f"k8s: {name} {setting} {port} is not a declared containerPort")

    for doc in docs:
        if doc["kind"] in ("Service", "PodDisruptionBudget"):
            selector = doc["spec"]["selector"]
            selector = selector.get("matchLabels", selector)
            matched = [d for d in deployments if selector.items() <= d["spec"]["template"]["metadata"]["labels"].items()]
            check(matched, f"k8s: {doc['kind']} {doc['metadata']['name']} selects no pods")
            if doc["kind"] == "Service":
                for port in doc["spec"]["ports"]:
                    names = {p.get("name") for d in matched for c in d["spec"]["template"]["spec"]["containers"] for p in c.get("ports", [])}
                    check(port["targetPort"] in names or isinstance(port["targetPort"], int), f"k8s: Service targetPort {port['targetPort']} not a pod port name")

    for error in errors:
        print(error, file=sys.stderr)
    print(f"deploy/validate.py: compose.yaml and {len(docs)} Kubernetes objects: {'OK' if not errors else f'{len(errors)} problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
