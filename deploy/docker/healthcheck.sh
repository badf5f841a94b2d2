#!/bin/bash
# actors-healthcheck [PATH]: exit 0 when GET http://127.0.0.1:$PORT$PATH answers 200.
# For HEALTHCHECK in images that have no curl or wget: plain HTTP/1.0 over bash's /dev/tcp.
set -eu
path=${1:-/health/ready}
port=${ASPNETCORE_HTTP_PORTS:-8080}
port=${port%%[;,]*}   # the first, when several are listed
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
read -r -t 3 _ status _ <&3
[ "$status" = 200 ]
