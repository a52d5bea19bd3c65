#!/usr/bin/env python3
"""Integration tests of `gtmgen publish` with real components: nginx serving the web root
with the server block from docs/publish.md, SIGKILL during a publish, and a real sshd for the
remote publish. Run by scripts/publish-tests.sh (GTMGEN = path of the built binary)."""
import getpass
import gzip
import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GTMGEN = os.environ.get("GTMGEN", os.path.join(REPO, ".build", "debug", "gtmgen"))
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1795996800", NO_COLOR="1")
BRIEF = "competitors/brightdesk.md"
BRIEF_PAGE = "/competitors/brightdesk/"
PAGES = ["/", BRIEF_PAGE, "/competitors/", "/swot/", "/tags/", "/reference/glossary/", "/feed.xml", "/favicon.svg"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listening on 127.0.0.1:{port}")


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def sha(data):
    return hashlib.sha256(data).hexdigest()


def make_project(parent, marker):
    """A copy of the example project, with a marker line in one brief."""
    project = os.path.join(parent, "project")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(project, "content"))
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(project, "templates"))
    shutil.copy(os.path.join(REPO, "gtmgen.yaml"), project)
    set_marker(project, marker)
    return project


def set_marker(project, marker):
    path = os.path.join(project, "content", BRIEF)
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"\n\nRelease marker: \S+\n$", "\n", f.read())
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + f"\n\nRelease marker: {marker}\n")


def publish(project, *args, check=True):
    result = subprocess.run([GTMGEN, "publish", *args], cwd=project, env=ENV, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"gtmgen publish {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def current_release(root):
    return os.path.basename(os.readlink(os.path.join(root, "current")))


def release_manifest(folder):
    """{url path: sha256} of every file of a release."""
    manifest = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                manifest["/" + os.path.relpath(path, folder)] = sha(f.read())
    return manifest


def nginx_config(root, port, folder):
    """The documented server block, pointed at `root` and a loopback port, in a config
    whose pid, logs and temp folders are all in `folder`."""
    with open(os.path.join(REPO, "docs", "publish.md"), encoding="utf-8") as f:
        block = re.search(r"```nginx\n(.*?)```", f.read(), re.S).group(1)
    block = block.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/intel/current", os.path.join(root, "current"))
    user = "user root root;\n" if os.geteuid() == 0 else ""
    config = f"""{user}worker_processes 2;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{block}
}}
"""
    path = os.path.join(folder, "nginx.conf")
    with open(path, "w") as f:
        f.write(config)
    return path


class Nginx:
    def __init__(self, root, folder):
        self.port = free_port()
        config = nginx_config(root, self.port, folder)
        subprocess.run(["nginx", "-t", "-q", "-p", folder, "-e", f"{folder}/error.log", "-c", config], check=True)
        self.process = subprocess.Popen(["nginx", "-p", folder, "-e", f"{folder}/error.log", "-c", config])
        wait_for_port(self.port)

    def get(self, path, gzip_ok=False):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Readers:
    """Client threads requesting existing pages and their assets without pause, on
    keep-alive connections; every response is recorded for checking afterwards."""

    def __init__(self, port, paths, threads=4):
        self.port, self.paths = port, paths
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.failures = []
        self.responses = {}  # path -> {sha256: body}
        self.count = 0
        self.threads = [threading.Thread(target=self.loop, args=(i,), daemon=True) for i in range(threads)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def loop(self, index):
        use_gzip = index % 2 == 1
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        while not self.stop.is_set():
            for path in self.paths:
                try:
                    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if use_gzip else {})
                    response = connection.getresponse()
                    body = response.read()
                    if response.getheader("Content-Encoding") == "gzip":
                        body = gzip.decompress(body)
                    status = response.status
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                    status, body = f"{type(error).__name__}: {error}", b""
                with self.lock:
                    self.count += 1
                    if status != 200:
                        self.failures.append((path, status))
                    else:
                        self.responses.setdefault(path, {})[sha(body)] = body
        connection.close()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(15)


class PublishTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="gtmgen-publish-test-")
        os.chmod(self.folder, 0o755)
        self.root = os.path.join(self.folder, "www")
        self.cleanups = []

    def tearDown(self):
        for cleanup in reversed(self.cleanups):
            cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)

    def start_nginx(self):
        nginx_folder = os.path.join(self.folder, "nginx")
        os.makedirs(nginx_folder)
        server = Nginx(self.root, nginx_folder)
        self.cleanups.append(server.stop)
        return server

    # (a)
    def test_a_publishes_and_rollback_under_load_never_fail_or_mix(self):
        project = make_project(self.folder, "release-1")
        publish(project, "--to", self.root)
        first = current_release(self.root)
        server = self.start_nginx()

        status, headers, body = server.get("/", gzip_ok=True)
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Encoding"), "gzip")
        self.assertEqual(headers.get("Cache-Control"), "no-cache")
        stylesheet = re.search(rb'href="\./(assets/style\.[0-9a-f]+\.css)"', gzip.decompress(body)).group(1).decode()
        status, headers, _ = server.get("/" + stylesheet)
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Cache-Control"), "public, max-age=31536000, immutable")
        status, _, body = server.get("/no/such/page/")
        self.assertEqual(status, 404)
        self.assertIn(b"<html", body)

        readers = Readers(server.port, PAGES + ["/" + stylesheet])
        readers.start()
        time.sleep(0.5)
        set_marker(project, "release-2")
        publish(project, "--to", self.root)
        second = current_release(self.root)
        time.sleep(0.5)
        set_marker(project, "release-3")
        publish(project, "--to", self.root)
        third = current_release(self.root)
        time.sleep(0.5)
        result = publish(project, "--to", self.root, "--rollback")
        self.assertEqual(current_release(self.root), second, result.stdout)
        time.sleep(0.5)
        readers.finish()

        print(f"\n  {readers.count} requests during 2 publishes and a rollback, "
              f"{sum(len(b) for b in readers.responses.values())} distinct responses", end=" ", flush=True)
        self.assertEqual(len({first, second, third}), 3)
        self.assertEqual(readers.failures, [], f"{len(readers.failures)} of {readers.count} requests failed")
        self.assertGreater(readers.count, 200)
        # Every response is, byte for byte, that path's file in one release; pages carry
        # exactly one marker and reference assets of the release they came from.
        releases = {name: release_manifest(os.path.join(self.root, "releases", name)) for name in (first, second, third)}
        seen_markers = set()
        for path, bodies in readers.responses.items():
            for digest, body in bodies.items():
                url = path + "index.html" if path.endswith("/") else path
                owners = [name for name, manifest in releases.items() if manifest.get(url) == digest]
                self.assertTrue(owners, f"{path}: a response matches no release (mixed or corrupt)")
                if path == BRIEF_PAGE:
                    markers = re.findall(rb"Release marker: (release-\d)", body)
                    self.assertEqual(len(markers), 1, body[:200])
                    seen_markers.add(markers[0].decode())
                for asset in re.findall(rb'(?:href|src)="(?:\./|(?:\.\./)+)(assets/[^"]+)"', body):
                    self.assertTrue(any("/" + asset.decode() in releases[name] for name in owners), asset)
        self.assertEqual(seen_markers, {"release-1", "release-2", "release-3"})
        # The second publish hard-linked what the brief change did not touch.
        stylesheet_inodes = {os.stat(os.path.join(self.root, "releases", name, stylesheet)).st_ino for name in releases}
        self.assertEqual(len(stylesheet_inodes), 1)

        # Dry run: lists the brief's page as changed against the live release, changes nothing.
        result = publish(project, "--to", self.root, "--dry-run")
        self.assertIn("~ competitors/brightdesk/", result.stdout)
        self.assertEqual(current_release(self.root), second)
        self.assertEqual(sorted(os.listdir(os.path.join(self.root, "releases"))), sorted([first, second, third]))

    # (b)
    def test_b_sigkill_midway_keeps_the_previous_release_live(self):
        project = make_project(self.folder, "release-1")
        publish(project, "--to", self.root)
        previous = current_release(self.root)
        before = release_manifest(os.path.join(self.root, "releases", previous))
        server = self.start_nginx()
        # Enough pages that writing the release takes a while.
        notes = os.path.join(project, "content", "notes", "bulk")
        os.makedirs(notes)
        for i in range(1500):
            with open(os.path.join(notes, f"note-{i:04}.md"), "w") as f:
                f.write(f"---\ntitle: Bulk note {i}\nsummary: Filler for the kill test.\nupdated: 2026-11-01\n---\n\n"
                        + f"Paragraph {i}. " * 200 + "\n")
        set_marker(project, "release-2")
        releases = os.path.join(self.root, "releases")
        process = subprocess.Popen([GTMGEN, "publish", "--to", self.root], cwd=project, env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        staged = None
        deadline = time.time() + 120
        while time.time() < deadline and process.poll() is None:
            staged = next((e for e in os.listdir(releases) if e.startswith(".partial-")), None)
            if staged and sum(len(files) for _, _, files in os.walk(os.path.join(releases, staged))) > 50:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        process.wait()
        self.assertEqual(process.returncode, -signal.SIGKILL, "publish finished before it could be killed")
        self.assertIsNotNone(staged)

        self.assertEqual(current_release(self.root), previous)
        self.assertEqual(release_manifest(os.path.join(releases, previous)), before)
        self.assertEqual([e for e in os.listdir(releases) if not e.startswith(".")], [previous])
        for path in ["/", BRIEF_PAGE, "/competitors/"]:
            status, _, body = server.get(path)
            self.assertEqual(status, 200, path)
            self.assertEqual(sha(body), before[path + "index.html"], path)
        self.assertIn(b"release-1", server.get(BRIEF_PAGE)[2])

        # The next publish completes and clears the leftover staging folder.
        publish(project, "--to", self.root)
        self.assertNotEqual(current_release(self.root), previous)
        self.assertFalse([e for e in os.listdir(releases) if e.startswith(".partial-")])
        self.assertIn(b"release-2", server.get(BRIEF_PAGE)[2])

    # (c)
    def test_c_remote_publish_over_real_sshd(self):
        ssh_folder = os.path.join(self.folder, "ssh")
        os.makedirs(ssh_folder)
        os.makedirs("/run/sshd", exist_ok=True)
        host_key, client_key = os.path.join(ssh_folder, "host_ed25519"), os.path.join(ssh_folder, "client key")
        for key in (host_key, client_key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
        shutil.copy(client_key + ".pub", os.path.join(ssh_folder, "authorized_keys"))
        port = free_port()
        config = os.path.join(ssh_folder, "sshd_config")
        with open(config, "w") as f:
            f.write(f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\nPidFile {ssh_folder}/sshd.pid\n"
                    f"AuthorizedKeysFile {ssh_folder}/authorized_keys\nUsePAM no\nStrictModes no\nPermitRootLogin yes\n"
                    "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n")
        log = open(os.path.join(ssh_folder, "sshd.log"), "w")
        sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", config], stderr=log)
        self.cleanups.append(lambda: (sshd.terminate(), sshd.wait(10), log.close()))
        wait_for_port(port)

        remote_root = os.path.join(self.folder, "remote web root")  # a space, for the quoting
        target = f"{getpass.getuser()}@127.0.0.1:{remote_root}"
        ssh = ["--ssh-port", str(port), "--identity", client_key, "--ssh-option", "StrictHostKeyChecking=no",
               "--ssh-option", "UserKnownHostsFile=/dev/null", "--ssh-option", "LogLevel=ERROR", "--ssh-option", "BatchMode=yes"]
        project = make_project(self.folder, "release-1")

        result = publish(project, "--to", target, *ssh, "--dry-run")
        self.assertIn("nothing is live yet", result.stdout)
        self.assertFalse(os.path.exists(remote_root))

        publish(project, "--to", target, *ssh)
        first = current_release(remote_root)
        first_folder = os.path.join(remote_root, "releases", first)
        self.assertEqual(os.readlink(os.path.join(remote_root, "current")), f"releases/{first}")
        self.assertIn("release-1", read_text(os.path.join(remote_root, "current", "competitors/brightdesk/index.html")))
        local = tempfile.mkdtemp(dir=self.folder)
        subprocess.run([GTMGEN, "build", "--output", local], cwd=project, env=ENV, check=True, capture_output=True)
        built = {k: v for k, v in release_manifest(local).items() if not k.startswith("/.")}
        self.assertEqual(release_manifest(first_folder), built)

        set_marker(project, "release-2")
        result = publish(project, "--to", target, *ssh, "--dry-run")
        self.assertIn("~ competitors/brightdesk/", result.stdout)
        self.assertEqual(current_release(remote_root), first)

        publish(project, "--to", target, *ssh)
        second = current_release(remote_root)
        self.assertNotEqual(first, second)
        second_folder = os.path.join(remote_root, "releases", second)
        self.assertIn("release-2", read_text(os.path.join(second_folder, "competitors/brightdesk/index.html")))
        unchanged = [p for p, d in release_manifest(first_folder).items() if release_manifest(second_folder).get(p) == d]
        self.assertIn("/reference/glossary/index.html", unchanged)
        for path in unchanged:
            self.assertEqual(os.stat(first_folder + path).st_ino, os.stat(second_folder + path).st_ino, path)
        self.assertNotEqual(os.stat(first_folder + "/competitors/brightdesk/index.html").st_ino,
                            os.stat(second_folder + "/competitors/brightdesk/index.html").st_ino)
        self.assertFalse([e for e in os.listdir(os.path.join(remote_root, "releases")) if e.startswith(".")])

        publish(project, "--to", target, *ssh, "--rollback")
        self.assertEqual(current_release(remote_root), first)
        # Keep 1: after a new publish only it remains.
        publish(project, "--to", target, *ssh, "--keep", "1")
        self.assertEqual(os.listdir(os.path.join(remote_root, "releases")), [current_release(remote_root)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
