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
# Memory: a heap that starts small, stops at 128 MB and is kept at most 30% free (without that, the collector lets it
# grow with every frame's garbage), the serial collector, and two malloc arenas (not one per thread) keep the
# process under 150 MB resident at 720p30 and 200 MB at 1080p30, where with Java's defaults the sender grew past
# 300 MB (docs/PERFORMANCE.md, measured by test/udpvideo/bench/rss.sh). JAVA_OPTS comes after these defaults, so it
# overrides any of them: JAVA_OPTS=-Xmx512m for frames larger than 1080p. (Java refuses two collectors, so the
# serial one is left out when JAVA_OPTS chooses one.)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
memory=(-Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
[[ "${JAVA_OPTS:-}" == *-XX:+Use*GC* ]] || memory+=(-XX:+UseSerialGC)
# JAVA_OPTS is split into words on purpose: it may hold several options.
# shellcheck disable=SC2086
exec java "${memory[@]}" ${JAVA_OPTS:-} -cp "$jar" udpvideo.receiver.ReceiverMain "$@"
