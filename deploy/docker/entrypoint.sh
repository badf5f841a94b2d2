#!/bin/sh
# Container entrypoint for both images: gives the silo an address other containers can reach,
# then execs the command (so dotnet is PID 1 and receives SIGTERM itself).
#
# The silo advertises Cluster__AdvertisedHost in the membership table and binds its silo-to-silo
# listener to it when it is an IP. The default, 127.0.0.1, is right only for processes on one
# machine: in a container it must be the container's own address.
set -eu

if [ -z "${Cluster__AdvertisedHost:-}" ]; then
  # The container's address as its own hostname resolves (Docker writes it to /etc/hosts).
  # `hostname -i` may list several (IPv6 too) or be missing from a slim image; prefer the first
  # non-loopback IPv4 address, then the first non-loopback IPv6 one.
  addrs=$( (hostname -i 2>/dev/null || getent hosts "$(hostname 2>/dev/null || cat /etc/hostname)") | tr -s ' \t' '\n' | grep . || true)
  ip=$(printf '%s\n' "$addrs" | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n1 || true)
  [ -n "$ip" ] || ip=$(printf '%s\n' "$addrs" | grep ':' | grep -v '^::1$' | head -n1 || true)
  if [ -z "$ip" ]; then
    echo "actors-entrypoint: cannot find this container's address; set Cluster__AdvertisedHost" >&2
    exit 1
  fi
  Cluster__AdvertisedHost=$ip
  export Cluster__AdvertisedHost
fi
echo "actors-entrypoint: Cluster__AdvertisedHost=$Cluster__AdvertisedHost Cluster__SiloPort=${Cluster__SiloPort:-0}" >&2

exec "$@"
