"""Write a realistic sample inbox for the four channels, with deliberate bad cases, and its manifest.

The manifest says how many records were written per channel, how many are broken on purpose
(`malformed`: the intake must quarantine exactly these), and how many must be merged into another
complaint (WhatsApp follow-ups, e-mail replies, repeated deliveries, cross-channel duplicates).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from awasi.sample import texts
from awasi.sample.people import LAPOR_CATEGORIES, Context, Person, make_context

WIB = timezone(timedelta(hours=7))
SHARES = {"lapor": 0.40, "whatsapp": 0.25, "email": 0.15, "callcenter": 0.20}
# Share of complaints sent by a reporter who already complained earlier in the sample (same phone and e-mail),
# so that the dashboard's repeat reporters have something to count.
RETURNING_SHARE = 0.1


class Tally:
    def __init__(self) -> None:
        self.records: dict[str, int] = defaultdict(int)
        self.malformed: dict[str, int] = defaultdict(int)
        self.merged: dict[str, int] = defaultdict(int)

    def add(self, channel: str, n: int = 1, malformed: bool = False, merged: bool = False) -> None:
        self.records[channel] += n
        if malformed:
            self.malformed[channel] += n
        if merged:
            self.merged[channel] += n


class InboxWriter:
    def __init__(self, out: Path, n: int, seed: int, end: date) -> None:
        self.out, self.n, self.rng = Path(out), n, random.Random(seed)
        self.end = min(datetime(end.year, end.month, end.day, 23, 0, tzinfo=WIB),
                       datetime.now(WIB).replace(microsecond=0))  # nothing received in the future
        self.start = datetime(end.year - 2, 1, 1, 7, 0, tzinfo=WIB)
        self.tally = Tally()
        self.files: dict[str, list] = defaultdict(list)  # relative path -> items (sorted later)
        self.used_ids: set[str] = set()
        self.lapor_reports: list[dict] = []
        self.people: list[Person] = []
        # a stream of its own, so that returning reporters leave every other draw of the sample unchanged
        self.returning = random.Random(seed + 1)

    # ---------- helpers ----------
    def context(self) -> Context:
        """The context of a new complaint; about one in ten comes from a reporter seen before in the sample."""
        ctx = make_context(self.rng)
        if self.people and self.returning.random() < RETURNING_SHARE:
            return replace(ctx, person=self.returning.choice(self.people))
        self.people.append(ctx.person)
        return ctx

    def when(self) -> datetime:
        span = (self.end - self.start).total_seconds()
        offset = self.rng.triangular(0, span, span)  # more complaints in recent months
        t = self.start + timedelta(seconds=offset)
        t = t.replace(hour=self.rng.randint(6, 22), minute=self.rng.randint(0, 59), second=self.rng.randint(0, 59),
                      microsecond=0)
        return t if t <= self.end else t - timedelta(days=1)  # an hour later today than now: the day before

    def by_end(self, t: datetime) -> datetime:
        """`t`, or the sample's end when `t` would come after it: nothing is received after the end."""
        return min(t, self.end)

    def uid(self, prefix: str, digits: int = 7) -> str:
        while True:
            v = f"{prefix}{self.rng.randint(10 ** (digits - 1), 10 ** digits - 1)}"
            if v not in self.used_ids:
                self.used_ids.add(v)
                return v

    def busiest(self, prefix: str, suffix: str, i: int) -> str:
        """The i-th busiest file of a channel (cyclic): deliberate bad cases go where good records abound,
        so a sample file never fails as a whole (that would hold it back and make the demo run partial)."""
        keys = sorted((k for k in self.files if k.startswith(prefix) and k.endswith(suffix)),
                      key=lambda k: (-len(self.files[k]), k))
        return keys[i % len(keys)] if keys else f"{prefix}extra{suffix}"

    def budget(self, channel: str) -> int:
        shares = list(SHARES)
        sizes = {c: int(self.n * SHARES[c]) for c in shares}
        sizes["lapor"] += self.n - sum(sizes.values()) - 2  # 2 records: unknown channel + unreadable file
        return max(sizes[channel], 0)

    # ---------- channels ----------
    def write_lapor(self) -> None:
        budget = self.budget("lapor")
        bad = ["bad_json", "bad_utf8", "empty", "old_date", "future_date", "oversized", "missing_id"]
        n_bad = min(budget, max(len(bad), round(budget * 0.012)))
        n_repeat = min(budget - n_bad, max(1, round(budget * 0.003)))
        good = budget - n_bad - n_repeat
        for _ in range(good):
            self._lapor_report()
        for report in self.rng.sample(self.lapor_reports, k=min(n_repeat, len(self.lapor_reports))):
            later = datetime.fromisoformat(report["created_at"]) + timedelta(days=self.rng.randint(20, 60))
            again = dict(report, status="Selesai",
                         status_history=self._status_history(report, "Selesai", until=min(later, self.end)))
            self.files[f"lapor/lapor-{min(later, self.end):%Y-%m}.jsonl"].append((later.isoformat(), json.dumps(again, ensure_ascii=False).encode()))
            self.tally.add("lapor", merged=True)
        for i in range(n_bad):
            kind = bad[i % len(bad)]
            line = self._broken_lapor(kind)
            self.files[self.busiest("lapor/", ".jsonl", i)].append(("", line))
            self.tally.add("lapor", malformed=True)

    def _lapor_report(self) -> dict:
        label, ctx, t = texts.pick_label(self.rng), self.context(), self.when()
        anonymous = self.rng.random() < 0.08
        style = self.rng.choice(["web", "web", "formal", "chat"])
        responses = []
        if self.rng.random() < 0.6:
            at = t + timedelta(hours=self.rng.randint(2, 240))
            if at <= self.end:  # a response due after the sample's end has not been given yet
                responses.append({"at": at.isoformat(), "by": "Admin " + ctx.agency,
                                  "text": "Terima kasih, laporan Anda sedang kami tindak lanjuti."})
        tracking_id = self.uid("", 7)
        heading, text = texts.complaint(label, ctx, self.rng, style)
        report = {
            "tracking_id": tracking_id, "title": heading, "content": text, "created_at": t.isoformat(),
            "category": LAPOR_CATEGORIES.get(ctx.sector, ctx.sector), "agency": ctx.agency,
            "location": self.rng.choice([f"{ctx.place}, {ctx.province}", ctx.place, f"{ctx.kel}, {ctx.place}"]),
            "status": self.rng.choice(["Menunggu Verifikasi", "Diproses", "Ditindaklanjuti", "Selesai"]),
            "is_anonymous": anonymous, "is_secret": self.rng.random() < 0.03,
            "reporter": None if anonymous else {"name": ctx.person.name, "phone": ctx.person.phone,
                                                "email": ctx.person.email},
            "responses": responses,
        }
        report["status_history"] = self._status_history(report, report["status"], until=self.end)
        self.files[f"lapor/lapor-{t:%Y-%m}.jsonl"].append((t.isoformat(), json.dumps(report, ensure_ascii=False).encode()))
        self.tally.add("lapor")
        self.lapor_reports.append(report)
        return report

    STEPS = ["Belum Terverifikasi", "Terverifikasi", "Terdisposisi", "Ditindaklanjuti", "Selesai"]
    REACHED = {"Menunggu Verifikasi": 1, "Diproses": 3, "Ditindaklanjuti": 4, "Selesai": 5}

    def _status_history(self, report: dict, status: str, until: datetime) -> list[dict]:
        """SP4N-LAPOR!'s status steps up to `status`, none later than `until`. Drawn from the report's own
        random stream, so adding history does not change the rest of the sample."""
        rng = random.Random(report["tracking_id"])
        t = datetime.fromisoformat(report["created_at"])
        gaps = [timedelta(0), timedelta(hours=rng.randint(1, 72)), timedelta(days=rng.choice([0, 1, 1, 2, 3, 4, 6, 9])),
                timedelta(days=rng.choice([1, 2, 3, 5, 7, 12, 20])), timedelta(days=rng.randint(1, 40))]
        history = []
        for step, gap in zip(self.STEPS[: self.REACHED.get(status, 1)], gaps):
            t = t + gap + timedelta(minutes=rng.randint(0, 600))
            if t > until:
                break
            history.append({"status": step, "at": t.isoformat()})
        return history

    def _broken_lapor(self, kind: str) -> bytes:
        label, ctx, t = texts.pick_label(self.rng), make_context(self.rng), self.when()
        tracking_id = self.uid("", 7)
        heading, text = texts.complaint(label, ctx, self.rng, "web")
        report = {"tracking_id": tracking_id, "title": heading, "content": text, "created_at": t.isoformat(),
                  "category": ctx.sector, "agency": ctx.agency, "location": ctx.place, "status": "Diproses",
                  "is_anonymous": False, "is_secret": False, "reporter": None, "responses": []}
        if kind == "bad_json":
            return json.dumps(report, ensure_ascii=False).encode()[: self.rng.randint(20, 80)]
        if kind == "bad_utf8":
            return json.dumps(report, ensure_ascii=False).encode().replace(b"a", b"\xe9\xff", 1)
        if kind == "empty":
            report["content"] = "   "
        elif kind == "old_date":
            report["created_at"] = "1970-01-01T07:00:00+07:00"
        elif kind == "future_date":
            report["created_at"] = (datetime.combine(max(self.end.date(), date.today()), datetime.min.time(), WIB)
                                    + timedelta(days=400)).isoformat()
        elif kind == "oversized":
            report["content"] = (report["content"] + " ") * (25_000 // max(len(report["content"]), 1) + 1)
        elif kind == "missing_id":
            del report["tracking_id"]
        return json.dumps(report, ensure_ascii=False).encode()

    def write_whatsapp(self) -> None:
        budget = self.budget("whatsapp")
        sources = self._dup_sources(max(1, round(budget * 0.01)))
        bad_lines = max(3, round(budget * 0.006))
        n_retry = max(1, round(budget * 0.004))
        remaining = budget - len(sources) - bad_lines - 2 - 1 - n_retry  # 2 media-only, 1 bad timestamp
        sent: list[tuple[datetime, dict, str]] = []
        while remaining > 0:
            msgs = self._conversation(min(remaining, self.rng.choice([1, 1, 2, 2, 3, 4])))
            remaining -= len(msgs)
            sent.extend(msgs)
        for report in sources:
            t = self.by_end(datetime.fromisoformat(report["created_at"]) + timedelta(days=self.rng.randint(1, 5),
                                                                                         minutes=7))
            phone = "62" + report["reporter"]["phone"][1:]
            msg = self._wa_text(phone, t, report["content"] + " Mohon dibantu.")
            self._wa_line(t, [msg], report["reporter"]["name"], phone)
            self.tally.add("whatsapp", merged=True)
        for t, msg, name in self.rng.sample(sent, k=min(n_retry, len(sent))):
            self._wa_line(self.by_end(t + timedelta(minutes=1)), [msg], name, msg["from"])  # retried by the platform
            self.tally.add("whatsapp", merged=True)
        for i in range(bad_lines):
            t = self.when()
            if i % 2 == 0:
                line = b'{"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"value":'
            else:  # a delivery-status callback: a webhook body with no message
                line = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1029384756", "changes": [
                    {"field": "messages", "value": {"messaging_product": "whatsapp", "statuses": [
                        {"id": "wamid." + self.uid("S", 12), "status": "delivered",
                         "timestamp": str(int(t.timestamp())), "recipient_id": "6281100000000"}]}}]}]}).encode()
            self.files[self.busiest("whatsapp/", ".jsonl", i)].append((t.isoformat(), line))
            self.tally.add("whatsapp", malformed=True)
        # a conversation with only media (no text at all) and a message with an impossible timestamp
        ctx, t = make_context(self.rng), self.when() - timedelta(minutes=1)
        phone = "62" + ctx.person.phone[1:]
        for j, kind in enumerate(["image", "audio"]):
            self._wa_line(t + timedelta(minutes=j), [self._wa_media(phone, t + timedelta(minutes=j), kind, caption="")],
                          ctx.person.name, phone, file=self.busiest("whatsapp/", ".jsonl", bad_lines + j))
            self.tally.add("whatsapp", malformed=True)
        bad = self._wa_text(phone, t, "halo min mau tanya")
        bad["timestamp"] = "kemarin sore"
        self._wa_line(t, [bad], ctx.person.name, phone, file=self.busiest("whatsapp/", ".jsonl", bad_lines + 2))
        self.tally.add("whatsapp", malformed=True)

    def _conversation(self, size: int) -> list[tuple[datetime, dict, str]]:
        label, ctx, t = texts.pick_label(self.rng), self.context(), self.when()
        phone = "62" + ctx.person.phone[1:]
        msgs = [self._wa_text(phone, t, texts.complaint(label, ctx, self.rng, "chat")[1])]
        for _ in range(size - 1):
            t = self.by_end(t + timedelta(minutes=self.rng.randint(1, 20)))
            if self.rng.random() < 0.3:
                kind = self.rng.choice(["image", "image", "audio", "location", "document"])
                msgs.append(self._wa_media(phone, t, kind, caption=self.rng.choice(["", "", "ini fotonya", "bukti"])))
            else:
                msgs.append(self._wa_text(phone, t, texts.followup(ctx, self.rng)))
        out = [(datetime.fromtimestamp(int(m["timestamp"]), WIB), m, ctx.person.name) for m in msgs]
        i = 0
        while i < len(out):  # the platform sometimes batches two messages in one webhook body
            batch = out[i : i + (2 if self.rng.random() < 0.1 else 1)]
            self._wa_line(batch[0][0], [m for _, m, _ in batch], ctx.person.name, phone)
            i += len(batch)
        self.tally.add("whatsapp", n=len(msgs))
        self.tally.merged["whatsapp"] += len(msgs) - 1
        return out

    def _wa_text(self, phone: str, t: datetime, body: str) -> dict:
        return {"from": phone, "id": "wamid." + self.uid("HBgM", 16), "timestamp": str(int(t.timestamp())),
                "type": "text", "text": {"body": body}}

    def _wa_media(self, phone: str, t: datetime, kind: str, caption: str) -> dict:
        msg = {"from": phone, "id": "wamid." + self.uid("HBgM", 16), "timestamp": str(int(t.timestamp())), "type": kind}
        if kind == "location":
            msg[kind] = {"latitude": round(-6.2 + self.rng.random(), 5), "longitude": round(106.8 + self.rng.random(), 5),
                         "name": "Kantor Kelurahan", "address": "dekat pasar"}
        else:
            msg[kind] = {"id": self.uid("", 15), "mime_type": {"image": "image/jpeg", "audio": "audio/ogg; codecs=opus",
                                                              "document": "application/pdf"}[kind]}
            if caption and kind != "audio":
                msg[kind]["caption"] = caption
        return msg

    def _wa_line(self, t: datetime, messages: list[dict], name: str, phone: str, file: str | None = None) -> None:
        body = {"object": "whatsapp_business_account", "entry": [{"id": "1029384756", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "6282137373737", "phone_number_id": "1122334455"},
            "contacts": [{"profile": {"name": name}, "wa_id": phone}], "messages": messages}}]}]}
        self.files[file or f"whatsapp/webhook-{t:%Y-%m}.jsonl"].append(
            (t.isoformat(), json.dumps(body, ensure_ascii=False).encode()))

    def _dup_sources(self, k: int) -> list[dict]:
        pool = [r for r in self.lapor_reports if r["reporter"] and len(r["content"]) >= 220
                and not r.get("_dup") and datetime.fromisoformat(r["created_at"]) < self.end - timedelta(days=6)]
        chosen = self.rng.sample(pool, k=min(k, len(pool)))
        for r in chosen:
            r["_dup"] = True
        return chosen

    def write_email(self) -> None:
        budget = self.budget("email")
        n_bad = 3
        sources = self._dup_sources(max(1, round(budget * 0.015)))
        remaining = budget - n_bad - len(sources)
        while remaining > 0:
            with_reply = remaining >= 2 and self.rng.random() < 0.15
            remaining -= self._email_thread(with_reply)
        for report in sources:
            t = self.by_end(datetime.fromisoformat(report["created_at"]) + timedelta(days=self.rng.randint(1, 5)))
            msg = self._email(report["reporter"]["name"], report["reporter"]["email"], report["title"],
                              report["content"] + "\nTerima kasih.", t, plain=True)
            self._put_email(t, msg)
            self.tally.add("email", merged=True)
        t = self.when()
        garbage = b"\x00\x01 ini bukan email \xff\xfe\n\nsampah biner\n"  # no headers at all
        empty = self._email("Warga", "warga123@gmail.com", "Pengaduan", "", t, plain=True)  # no signature line
        bad_date = self._email("Warga Lain", "wargalain@yahoo.co.id", "Aduan", "Jalan di depan rumah rusak parah.", t)
        # Written into the bytes: EmailMessage's own Date header cannot hold text that is not a date (it would
        # serialise as an empty header), and a real mail client's "Date: kemarin sore" is what the parser must quote.
        bad_date = re.sub(rb"(?m)^Date: [^\r\n]*", b"Date: kemarin sore", bad_date.as_bytes(), count=1)
        for i, msg in enumerate((garbage, empty, bad_date)):
            self._put_email(t, msg, file=self.busiest("email/", ".mbox", i))
        self.tally.add("email", n=3, malformed=True)

    def _email_thread(self, with_reply: bool) -> int:
        label, ctx, t = texts.pick_label(self.rng), self.context(), self.when()
        subject, body = texts.complaint(label, ctx, self.rng, self.rng.choice(["formal", "formal", "web"]))
        if self.rng.random() < 0.08:
            subject = "Fwd: " + subject
        msg = self._email(ctx.person.name, ctx.person.email, subject, body, t)
        self._put_email(t, msg)
        self.tally.add("email")
        if not with_reply:
            return 1
        t2 = self.by_end(t + timedelta(days=self.rng.randint(1, 6), hours=self.rng.randint(0, 5)))
        quoted = "\n".join("> " + ln for ln in body.splitlines())
        reply_body = texts.followup(ctx, self.rng) + f"\n\nPada {format_datetime(t)} {ctx.person.name} menulis:\n{quoted}"
        reply = self._email(ctx.person.name, ctx.person.email, "Re: " + subject, reply_body, t2, parent=msg["Message-ID"])
        self._put_email(t2, reply)
        self.tally.add("email", merged=True)
        return 2

    def _email(self, name: str, address: str, subject: str, body: str, t: datetime, parent: str | None = None,
               plain: bool = False) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = f"{name} <{address}>"
        msg["To"] = "pengaduan@ombudsman.go.id"
        msg["Subject"] = subject
        msg["Date"] = format_datetime(t)
        msg["Message-ID"] = f"<{self.uid('m', 12)}.{int(t.timestamp())}@{address.split('@')[-1]}>"
        if parent:
            msg["In-Reply-To"] = parent
            msg["References"] = parent
        kind = 0.0 if plain else self.rng.random()
        if kind < 0.35:
            msg.set_content(body)
        elif kind < 0.55:
            msg.set_content(body)
            msg.add_alternative("<html><body>" + "".join(f"<p>{ln}</p>" for ln in body.splitlines()) + "</body></html>",
                                subtype="html")
        elif kind < 0.7:
            msg.set_content("<html><body><div>" + body.replace("\n", "<br>") + "</div></body></html>", subtype="html",
                            cte="quoted-printable")
        elif kind < 0.85:
            signed = body + "\n\nHormat saya \u2013 \u201c" + name + "\u201d"
            msg.set_content(signed, charset="windows-1252", cte="quoted-printable")
        else:
            msg.set_content(body + "\n\nBiaya \u00b1 Rp 50.000", charset="iso-8859-1", cte="base64")
        if self.rng.random() < 0.2:
            msg.add_attachment(bytes(self.rng.randrange(256) for _ in range(64)), maintype="image", subtype="jpeg",
                               filename="bukti.jpg")
        for part in msg.walk():  # the stdlib draws MIME boundaries from the global RNG: fix them for reproducibility
            if part.is_multipart():
                part.set_boundary(f"=_awasi_{self.uid('b', 12)}")
        return msg

    def _put_email(self, t: datetime, msg, file: str | None = None) -> None:
        data = msg if isinstance(msg, bytes) else msg.as_bytes()
        if file:
            self.files[file].append((t.isoformat(), data))
        elif self.rng.random() < 0.1:
            self.files[f"email/pesan-{t:%Y%m%d}-{self.uid('', 6)}.eml"].append((t.isoformat(), data))
        else:
            self.files[f"email/kotak-masuk-{t:%Y-%m}.mbox"].append((t.isoformat(), data))

    def write_callcenter(self) -> None:
        budget = self.budget("callcenter")
        n_bad = 3
        for _ in range(budget - n_bad):
            self._call()
        for i, kind in enumerate(("columns", "date", "empty")):
            self._call(broken=kind, file=self.busiest("callcenter/", ".csv", i))

    def _call(self, broken: str | None = None, file: str | None = None) -> None:
        label, ctx, t = texts.pick_label(self.rng), self.context(), self.when()
        ended = t + timedelta(minutes=self.rng.randint(2, 18))
        if ended > self.end:  # a call still going on at the end is not exported yet: it ended just before
            t, ended = t - (ended - self.end), self.end
        phone = self.rng.choice([ctx.person.phone, "+62 " + ctx.person.phone[1:4] + "-" + ctx.person.phone[4:],
                                 ctx.person.phone[:4] + " " + ctx.person.phone[4:8] + " " + ctx.person.phone[8:]])
        row = {"call_id": self.uid("CC-", 8), "started_at": t, "ended_at": ended, "agent_id": f"AG{self.rng.randint(1, 40):03d}",
               "caller_number": phone, "caller_name": ctx.person.name, "agency": ctx.agency, "region": ctx.place,
               "summary": texts.call_summary(label, ctx, self.rng), "category": ctx.sector,
               "status": self.rng.choice(["Dicatat", "Diteruskan ke instansi", "Selesai di tempat"])}
        if broken == "date":
            row["started_at"] = "31/02/2025 25.61"
        elif broken == "empty":
            row["summary"] = ""
        self.files[file or f"callcenter/panggilan-{t:%Y-%m}.csv"].append((t.isoformat(), (row, broken)))
        self.tally.add("callcenter", malformed=broken is not None)

    # ---------- output ----------
    def flush(self) -> None:
        for rel, items in self.files.items():
            path = self.out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            items.sort(key=lambda x: x[0])
            if rel.endswith(".jsonl"):
                path.write_bytes(b"\n".join(data for _, data in items) + b"\n")
            elif rel.endswith(".eml"):
                path.write_bytes(items[0][1])
            elif rel.endswith(".mbox"):
                with open(path, "wb") as fh:
                    for t, data in items:
                        stamp = datetime.fromisoformat(t).astimezone(timezone.utc).strftime("%a %b %d %H:%M:%S %Y") if t else "Mon Jan  1 00:00:00 2024"
                        body = b"\n".join((b">" + ln if ln.startswith(b"From ") else ln) for ln in data.replace(b"\r\n", b"\n").split(b"\n"))
                        fh.write(b"From pengirim@example " + stamp.encode() + b"\n" + body.rstrip(b"\n") + b"\n\n")
            elif rel.endswith(".csv"):
                self._write_csv(path, items)

    def _write_csv(self, path: Path, items: list) -> None:
        month = int(path.stem[-2:])
        indonesian = month % 2 == 1  # odd months: ';' separator, Indonesian dates, Windows-1252 file
        sep = ";" if indonesian else ","
        cols = ["call_id", "started_at", "ended_at", "agent_id", "caller_number", "caller_name", "agency", "region",
                "summary", "category", "status"]
        lines = [sep.join(cols)]
        for _, (row, broken) in items:
            cells = []
            for c in cols:
                v = row[c]
                if isinstance(v, datetime):
                    v = v.strftime("%d/%m/%Y %H.%M") if indonesian else v.strftime("%Y-%m-%d %H:%M:%S")
                v = str(v)
                if sep in v or '"' in v or "\n" in v:
                    v = '"' + v.replace('"', '""') + '"'
                cells.append(v)
            if broken == "columns":
                cells = cells[:6]
            lines.append(sep.join(cells))
        text = "\r\n".join(lines) + "\r\n"
        path.write_bytes(text.encode("cp1252", errors="replace") if indonesian else text.encode("utf-8"))

    def write_extras(self) -> None:
        """A channel nobody knows, and a delivery that cannot be read at all (a broken link)."""
        sms = self.out / "sms" / "sms-export.txt"
        sms.parent.mkdir(parents=True, exist_ok=True)
        sms.write_text("0812xxxx: jalan rusak pak\n", encoding="utf-8")
        self.tally.add("sms", malformed=True)
        broken = self.out / "callcenter" / "ekspor-rusak.csv"
        broken.parent.mkdir(parents=True, exist_ok=True)
        if broken.is_symlink() or broken.exists():
            broken.unlink()
        os.symlink("tidak-ada/ekspor-asli.csv", broken)
        self.tally.add("callcenter", malformed=True)

    def manifest(self) -> dict:
        channels = {c: {"records": self.tally.records[c], "malformed": self.tally.malformed[c],
                        "merged": self.tally.merged[c]} for c in sorted(self.tally.records)}
        total = sum(v["records"] for v in channels.values())
        quarantined = sum(v["malformed"] for v in channels.values())
        merged = sum(v["merged"] for v in channels.values())
        return {"total_records": total, "channels": channels,
                "expected": {"quarantined": quarantined, "merged": merged, "accepted": total - quarantined - merged},
                "period": {"from": self.start.date().isoformat(), "to": self.end.date().isoformat()}}


def write_inbox(out: Path, n: int = 2000, seed: int = 7, end: date | None = None) -> dict:
    """Write the inbox to `out` (replacing an earlier sample there) and return the manifest."""
    if n < 100:
        raise ValueError("the sample inbox needs at least 100 records to hold every bad case")
    out = Path(out)
    if out.exists():
        if not (out / "manifest.json").exists():
            raise FileExistsError(f"{out} exists and is not a sample inbox (no manifest.json); choose another folder")
        shutil.rmtree(out)
    w = InboxWriter(out, n, seed, end or date.today())
    w.write_lapor()
    w.write_whatsapp()
    w.write_email()
    w.write_callcenter()
    w.flush()
    w.write_extras()
    manifest = w.manifest()
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest
