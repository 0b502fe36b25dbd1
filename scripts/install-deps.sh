#!/usr/bin/env bash
# Installs what building and running Tsunagari needs, if it is missing:
# pkg-config, the Graphviz C library with headers, and a Japanese font for the maps.
set -euo pipefail

have_graphviz() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc; }
have_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja 2>/dev/null | head -1)" ]; }

if have_graphviz && have_font; then
    exit 0
fi

case "$(uname -s)" in
Linux)
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: install pkg-config, the Graphviz development files (libgvc) and a Japanese font (Noto Sans CJK JP) with your package manager" >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "error: run as root, or install sudo, to install: pkg-config libgraphviz-dev fonts-noto-cjk" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "Installing pkg-config, libgraphviz-dev and fonts-noto-cjk with apt-get..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pkg-config libgraphviz-dev fonts-noto-cjk >/dev/null
    ;;
Darwin)
    echo "error: Graphviz or a Japanese font is missing. Install them with:" >&2
    echo "    brew install pkg-config graphviz && brew install --cask font-noto-sans-cjk-jp" >&2
    exit 1
    ;;
*)
    echo "error: unsupported system $(uname -s); install pkg-config, Graphviz (libgvc) and a Japanese font" >&2
    exit 1
    ;;
esac

have_graphviz || { echo "error: libgvc still not found by pkg-config after installing" >&2; exit 1; }
have_font || { echo "error: no Japanese font found by fontconfig after installing" >&2; exit 1; }
