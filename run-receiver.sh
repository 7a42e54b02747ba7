#!/usr/bin/env bash
# Receives a udpvideo (or tutorial) stream and shows it. Options: ./run-receiver.sh --help. Works from any directory.
set -euo pipefail
# Reached through a symbolic link, the jar is beside the file the link points to: follow links to it.
script="${BASH_SOURCE[0]}"
while [[ -L "$script" ]]; do
    target="$(readlink "$script")"
    [[ "$target" == /* ]] || target="$(dirname "$script")/$target"
    script="$target"
done
home="$(cd "$(dirname "$script")" && pwd)"
jar="$home/build/udpvideo.jar"
if [[ ! -f "$jar" ]]; then
    echo "run-receiver.sh: $jar is missing: run make first (in $home)" >&2
    exit 2
fi
# JAVA_OPTS is split into words on purpose: it may hold several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$jar" udpvideo.receiver.ReceiverMain "$@"
