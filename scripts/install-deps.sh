#!/usr/bin/env bash
# Installs what building and testing ebbflow needs on a Debian 12 machine. Idempotent: installs only what is
# missing, so it is cheap to run before every test run. Needs root (or sudo) only when something is missing.
#
# 1. Java 17+, Maven and git for the build.
# 2. Mininet, Open vSwitch, ethtool, iperf3 and ping for the Mininet runs and the openflow-controller integration
#    test (see ../shared/notes/openflow-mininet.md), then starts Open vSwitch (userspace datapath, no systemd) if it
#    is not running. A machine where these cannot be installed still builds: the integration test then skips, unless
#    CI=true, where it fails.
#
# Never runs `mn -c`: that cleans the whole machine (every OVS bridge, other users' Mininet runs).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

have_pkg() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

apt_install() {
    if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: need root to install $*" >&2
        return 1
    fi
    if [ -z "${APT_UPDATED:-}" ]; then
        $SUDO apt-get update -q
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "$@"
}

# ---- 1. build tools (required)
need=()
command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' \
    || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v git >/dev/null 2>&1 || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
    echo "install-deps: installing ${need[*]}" >&2
    apt_install "${need[@]}"
fi

# ---- 2. Mininet and Open vSwitch (best effort outside CI)
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: no apt-get: Mininet tests will skip" >&2
    exit 0
fi
need=()
for p in mininet openvswitch-switch ethtool iperf3 iputils-ping iproute2 procps; do
    have_pkg "$p" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "install-deps: installing ${need[*]}" >&2
    if ! apt_install "${need[@]}"; then
        echo "install-deps: could not install ${need[*]}: Mininet tests will skip (fail under CI=true)" >&2
        [ "${CI:-}" = "true" ] && exit 1
        exit 0
    fi
fi

OVS_CTL=/usr/share/openvswitch/scripts/ovs-ctl
if [ -x "$OVS_CTL" ] && ! $SUDO "$OVS_CTL" status >/dev/null 2>&1; then
    echo "install-deps: starting Open vSwitch" >&2
    if ! $SUDO "$OVS_CTL" start --system-id=random >&2; then
        # ovs-ctl refuses to start vswitchd when the kernel has modules but no openvswitch module: start the
        # daemons by hand (the userspace datapath needs no module).
        echo "install-deps: ovs-ctl failed; starting ovsdb-server and ovs-vswitchd by hand" >&2
        $SUDO mkdir -p /var/run/openvswitch /var/log/openvswitch
        [ -f /etc/openvswitch/conf.db ] || $SUDO ovsdb-tool create /etc/openvswitch/conf.db \
            /usr/share/openvswitch/vswitch.ovsschema
        pgrep -x ovsdb-server >/dev/null || $SUDO ovsdb-server /etc/openvswitch/conf.db \
            --remote=punix:/var/run/openvswitch/db.sock --pidfile --detach --log-file
        $SUDO ovs-vsctl --no-wait init
        pgrep -x ovs-vswitchd >/dev/null || $SUDO ovs-vswitchd --pidfile --detach --log-file
    fi
fi
if command -v ovs-vsctl >/dev/null 2>&1 && ! $SUDO ovs-vsctl --timeout=5 show >/dev/null 2>&1; then
    echo "install-deps: Open vSwitch is not answering: Mininet tests will skip (fail under CI=true)" >&2
    [ "${CI:-}" = "true" ] && exit 1
fi
exit 0
