"""The OS entry that opens a station full screen when the PC starts (the user signs in to the desktop).

Linux (and other XDG desktops): `$XDG_CONFIG_HOME/autostart/motcua-<station>.desktop` (default ~/.config).
Windows: `motcua-<station>.cmd` in the user's Startup folder (%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\
Startup), which Explorer runs at sign-in; no registry value, so removing the file removes the entry.
Paths come from the environment passed in, so tests point them at a temp folder on any OS.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.messages import translate

PREFIX = "motcua-"


@dataclass(frozen=True)
class AutostartEntry:
    """One autostart file: where it goes and what it holds."""

    path: Path
    content: str


def is_windows(platform: str) -> bool:
    """Whether `platform` (a sys.platform value) is Windows."""
    return platform.startswith("win")


def autostart_dir(platform: str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The folder the OS reads autostart entries from, for this user."""
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    if is_windows(platform):
        appdata = env.get("APPDATA")
        if not appdata:
            raise ValidationError("autostart", translate("services.autostart", "Không tìm thấy thư mục Startup của "
                                                                               "người dùng (biến APPDATA trống)"))
        return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    if platform == "darwin":
        raise ValidationError("autostart", translate("services.autostart",
                                                     "Tự khởi động cùng máy tính chưa hỗ trợ trên macOS"))
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "autostart"


def entry_for(station: str, command: Sequence[str], title: str, platform: str | None = None,
              env: Mapping[str, str] | None = None) -> AutostartEntry:
    """The autostart entry that runs `command` at sign-in, for the OS of `platform`."""
    platform = sys.platform if platform is None else platform
    folder = autostart_dir(platform, env)
    if is_windows(platform):
        return AutostartEntry(folder / f"{PREFIX}{station}.cmd", _windows_cmd(command, title))
    return AutostartEntry(folder / f"{PREFIX}{station}.desktop", _desktop_file(command, title))


def existing_entries(platform: str | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """The motcua autostart entries present now (any station)."""
    platform = sys.platform if platform is None else platform
    folder = autostart_dir(platform, env)
    suffix = ".cmd" if is_windows(platform) else ".desktop"
    return sorted(folder.glob(f"{PREFIX}*{suffix}")) if folder.is_dir() else []


def write_entry(entry: AutostartEntry) -> None:
    """Write an entry atomically (temp file in the same folder, then rename)."""
    entry.path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".motcua-", suffix=".tmp", dir=entry.path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(entry.content)
        os.replace(tmp, entry.path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _desktop_file(command: Sequence[str], title: str) -> str:
    """A freedesktop.org autostart .desktop file."""
    return "\n".join([
        "[Desktop Entry]", "Type=Application", f"Name={title}",
        "Comment=Mở trạm motcua toàn màn hình khi đăng nhập (tạo bởi «motcua setup»)",
        f"Exec={' '.join(_desktop_quote(arg) for arg in command)}", "Terminal=false",
        "X-GNOME-Autostart-enabled=true", ""])


def _desktop_quote(arg: str) -> str:
    """One argument of an Exec key (Desktop Entry spec: reserved characters in double quotes, % doubled)."""
    arg = arg.replace("%", "%%")
    if arg and not re.search(r"[\s\"'\\><~|&;$*?#()`=]", arg):
        return arg
    escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
    return f'"{escaped}"'


def _windows_cmd(command: Sequence[str], title: str) -> str:
    """A batch file for the Startup folder: UTF-8 code page (Vietnamese paths), then start the station without
    waiting, so the console window closes at once."""
    line = " ".join(_cmd_quote(arg) for arg in command)
    return "\r\n".join(["@echo off", "chcp 65001 >nul", f"rem {title} (tạo bởi motcua setup)",
                        f'start "" {line}', ""])


def _cmd_quote(arg: str) -> str:
    """One argument for cmd.exe: quoted when it has spaces or cmd's special characters, % doubled."""
    if '"' in arg:
        raise ValidationError("autostart", translate("services.autostart", "Đường dẫn có dấu ngoặc kép, không dùng "
                                                                           "được trên Windows: %1").arg(arg))
    arg = arg.replace("%", "%%")
    return f'"{arg}"' if not arg or re.search(r"[\s&|<>^(),;=]", arg) else arg

