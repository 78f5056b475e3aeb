"""A self-signed certificate for the terminal, made on first use and kept with the site data.

The key never leaves the machine (file mode 0600). Tablets see a certificate warning once;
the console shows the SHA-256 fingerprint so the supervisor can compare it on the tablet.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT_NAME = "terminal-cert.pem"
KEY_NAME = "terminal-key.pem"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def ensure_certificate(folder: Path, addresses: list[str], *, days: int = 825) -> tuple[Path, Path]:
    """(certificate, key) in ``folder``, creating them when missing; the names cover ``addresses``."""
    cert_path, key_path = folder / CERT_NAME, folder / KEY_NAME
    if cert_path.exists() and key_path.exists():
        return cert_path, key_path
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"DRC counter terminal ({socket.gethostname()})")])
    alt: list[x509.GeneralName] = [x509.DNSName("localhost")]
    for a in dict.fromkeys([*addresses, "127.0.0.1"]):
        try:
            alt.append(x509.IPAddress(ipaddress.ip_address(a)))
        except ValueError:
            alt.append(x509.DNSName(a))
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    _write_private(key_path, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    _write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


def fingerprint(cert_path: Path) -> str:
    """SHA-256 fingerprint of a PEM certificate, as browsers show it (AA:BB:...)."""
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))
