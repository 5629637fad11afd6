"""The notebooks in the real JupyterLab (issue 8): a headless Chromium driven by Playwright opens
each notebook, runs all cells from the command palette and checks there is no error output, the
figures appear and Japanese text renders.

Runs where ``/usr/bin/chromium`` and the ``playwright`` package exist (``.ci/run`` installs
Debian's chromium; Playwright never downloads a browser here) and skips otherwise. JupyterLab
runs on 127.0.0.1 with a random token, in a temporary copy of ``notebooks/`` and ``data/`` (so
nothing is written into the repository but the screenshots in ``reports/screenshots/``), and is
stopped in any case. Every wait is bounded; the whole test takes well under five minutes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "reports" / "screenshots"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
WITH_FIGURES = {
    "02_actor_network.ipynb",
    "03_outlet_coverage.ipynb",
    "04_diplomatic_timeline.ipynb",
}
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
SERVER_START_S, NOTEBOOK_RUN_S, TOTAL_S = 90, 120, 290

pytestmark = pytest.mark.e2e
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook on show
RUN_ALL = ".lm-CommandPalette-item.lm-mod-active[data-command='notebook:run-all-cells']"

# The kernel is connected and idle (the status bar reads "Python 3 (ipykernel) | Idle"; the
# notebook's own indicator says idle before the kernel is even connected).
_KERNEL_IDLE_JS = """() => {
  const bar = document.querySelector('#jp-main-statusbar');
  return bar !== null && /\\|\\s*Idle\\b/.test(bar.innerText);
}"""

# Is every code cell of the visible notebook done? "ok": prompts are [1]..[n] in order, the
# kernel idle; "error": an error output is shown and nothing is queued or running any more.
_STATE_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return 'none';
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .map(p => p.textContent.trim());
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]') !== null;
  const running = prompts.some(p => p.includes('*'));
  if (idle && prompts.length && prompts.every((p, i) => p === `[${i + 1}]:`)) return 'ok';
  const errors = [...panel.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .filter(e => e.textContent.includes('Traceback'));
  if (idle && !running && errors.length) return 'error';
  return 'running';
}"""

# Does the page's output font draw Japanese with real glyphs? Without a Japanese font every
# kana is the same "tofu" box, like two unassigned code points.
_GLYPHS_JS = """() => {
  const el = document.querySelector('.jp-OutputArea-output') || document.body;
  const family = getComputedStyle(el).fontFamily;
  const c = document.createElement('canvas');
  c.width = 48; c.height = 48;
  const g = c.getContext('2d');
  const draw = ch => {
    g.clearRect(0, 0, 48, 48); g.font = `32px ${family}`; g.fillText(ch, 4, 36);
    return g.getImageData(0, 0, 48, 48).data.join(',');
  };
  return {kana: draw('ロ') !== draw('シ'), tofu_alike: draw('\\u0378') === draw('\\u0379')};
}"""


def _requirements() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (Debian: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if shutil.which("jupyter", path=str(Path(sys.executable).parent)) is None:
        return "jupyter is not installed beside this Python"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _workdir(tmp: Path, extra: dict[str, str]) -> Path:
    """A copy of the notebooks and the data they read, plus JupyterLab settings of its own."""
    work = tmp / "work"
    shutil.copytree(ROOT / "notebooks", work / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))  # fmt: skip
    for name in ("raw", "examples"):
        if (ROOT / "data" / name).is_dir():
            shutil.copytree(ROOT / "data" / name, work / "data" / name)
    (work / "reports" / "figures").mkdir(parents=True)
    for name, source in extra.items():
        (work / "notebooks" / name).write_text(source, encoding="utf-8")
    news = work / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)  # no "get Jupyter news?" toast, no request to jupyter.org
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    return work


def _error_probe() -> str:
    """A notebook whose second cell fails: proves the error check is not vacuous."""
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s}
             for s in ("x = 'ロシア'", "1 / 0", "print('never')")]  # fmt: skip
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
          "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}  # fmt: skip
    return json.dumps(nb)


def _start_server(work: Path, log: Path) -> tuple[subprocess.Popen, str, str]:
    port, token = _free_port(), secrets.token_urlsafe(24)
    jupyter = work / ".jupyter"
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(jupyter / "lab" / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(jupyter / "lab" / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(jupyter / "runtime"),
        "IPYTHONDIR": str(work / ".ipython"),
        "MPLCONFIGDIR": str(work / ".matplotlib"),
        "CRISISNOTES_PROCESSED": str(work / "data" / "processed"),
        "CRISISNOTES_FIGURES": str(work / "reports" / "figures"),
        "CRISISNOTES_CACHE": str(work / "data" / "processed" / ".cache"),
    }
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
           f"--ServerApp.token={token}", "--ServerApp.ip=127.0.0.1", "--port", str(port),
           "--ServerApp.port_retries=0"]  # fmt: skip
    if os.geteuid() == 0:
        cmd.append("--allow-root")  # CI runs as root
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"jupyter lab exited ({proc.returncode}):\n{log.read_text()[-3000:]}"
            )
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                return proc, base, token
        except OSError:
            time.sleep(0.25)
    raise AssertionError(
        f"jupyter lab did not answer in {SERVER_START_S}s:\n{log.read_text()[-3000:]}"
    )


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server and its kernels (its own process group)."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):  # kernels left behind
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[tuple[str, str, Path]]:
    if why := _requirements():
        pytest.skip(why)
    tmp = tmp_path_factory.mktemp("lab")
    work = _workdir(tmp, {"zz_error_probe.ipynb": _error_probe()})
    proc, base, token = _start_server(work, tmp / "jupyter.log")
    try:
        yield base, token, work
    finally:
        _stop(proc)


def _run_notebook(browser, base: str, token: str, name: str) -> dict:
    """Open ``notebooks/<name>``, run all cells from the command palette, return what shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.set_default_timeout(30_000)
        page.goto(f"{base}/lab/tree/notebooks/{name}?reset&token={token}")
        page.wait_for_selector(f"{PANEL} .jp-CodeCell .jp-InputPrompt")
        page.wait_for_function(_KERNEL_IDLE_JS, timeout=60_000, polling=250)
        for _ in range(3):  # the command palette: Ctrl+Shift+C, "Run All Cells", Enter
            page.click(f"{PANEL} .jp-Cell")
            page.keyboard.press("Escape")
            page.keyboard.press("Control+Shift+C")
            try:
                page.fill(".lm-CommandPalette input", "Run All Cells", timeout=5_000)
                page.wait_for_selector(RUN_ALL, timeout=5_000)
            except PlaywrightTimeout:
                page.keyboard.press("Escape")
                continue
            page.keyboard.press("Enter")
            break
        else:
            raise AssertionError(f"{name}: the command palette did not offer 'Run All Cells'")
        try:
            state = page.wait_for_function(
                f"() => {{ const s = ({_STATE_JS})(); return s === 'ok' || s === 'error' ? s : false; }}",
                timeout=NOTEBOOK_RUN_S * 1000, polling=250,
            ).json_value()  # fmt: skip
        except PlaywrightTimeout:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{Path(name).stem}-timeout.png"))
            prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
            raise AssertionError(
                f"{name}: not done in {NOTEBOOK_RUN_S}s; prompts {prompts}"
            ) from None
        panel = page.locator(PANEL)
        errors = panel.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
        ).all_inner_texts()
        images = panel.locator(".jp-OutputArea-output img").evaluate_all(
            "els => els.map(e => [e.complete, e.naturalWidth, e.naturalHeight])"
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"{Path(name).stem}.png"
        if images:  # the first figure, as the notebook shows it
            figure = panel.locator(".jp-OutputArea-output img").first
            figure.scroll_into_view_if_needed()
            page.wait_for_timeout(500)  # let the scrolled cells paint
            figure.screenshot(path=str(SCREENSHOTS / f"{Path(name).stem}-figure.png"))
        page.screenshot(path=str(shot))
        return {
            "state": state,
            "errors": [e for e in errors if "Traceback" in e or re.search(r"^\w*Error\b", e, re.M)],
            "images": images,
            "text": panel.inner_text(),
            "glyphs": page.evaluate(_GLYPHS_JS),
            "screenshot": shot,
        }
    finally:
        page.close()


def _japanese_font_installed() -> bool:
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    out = subprocess.run([fc, ":lang=ja", "family"], capture_output=True, text=True, timeout=30)
    return bool(out.stdout.strip())


def test_notebooks_run_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    base, token, work = lab
    t0 = time.monotonic()
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for name in [*NOTEBOOKS, "zz_error_probe.ipynb"]:
                assert time.monotonic() - t0 < TOTAL_S, f"over {TOTAL_S}s before {name}"
                results[name] = _run_notebook(browser, base, token, name)
        finally:
            browser.close()

    probe = results.pop("zz_error_probe.ipynb")
    assert probe["state"] == "error" and any("ZeroDivisionError" in e for e in probe["errors"])
    assert len(NOTEBOOKS) >= 4
    for name, r in results.items():
        assert r["state"] == "ok" and r["errors"] == [], (name, r["errors"])
        assert r["screenshot"].stat().st_size > 10_000
        if name in WITH_FIGURES:
            assert r["images"], f"{name}: no figure in the outputs"
            assert all(complete and w > 100 and h > 100 for complete, w, h in r["images"]), name
    assert "ロシア" in results["01_load_dump.ipynb"]["text"]  # Japanese reaches the page
    glyphs = results["01_load_dump.ipynb"]["glyphs"]
    assert glyphs["tofu_alike"]  # the rendering check can tell glyphs from boxes
    if _japanese_font_installed():
        assert glyphs["kana"], "Japanese text is drawn as boxes in the browser"
    assert (work / "reports" / "figures" / "diplomatic-channels-timeline.png").is_file()
    assert time.monotonic() - t0 < TOTAL_S
