#!/usr/bin/env bash
# Streams video to a udpvideo receiver over UDP. Options: ./run-sender.sh --help. Works from any directory.
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
    echo "run-sender.sh: $jar is missing: run make first (in $home)" >&2
    exit 2
fi
# OpenCV logs its own warnings (a missing camera, say) on top of our one-line error; set INFO to see them.
export OPENCV_LOG_LEVEL="${OPENCV_LOG_LEVEL:-SILENT}"
# JAVA_OPTS is split into words on purpose: it may hold several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$jar" udpvideo.sender.SenderMain "$@"
