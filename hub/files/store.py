"""Where file content lives: GridFS on a real server, a private temporary directory on the frozen emulation."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bson import ObjectId
from gridfs import AsyncGridFSBucket
from gridfs.errors import NoFile

if TYPE_CHECKING:
    from hub.context import Hub

CHUNK = 256 * 1024
BUCKET = "fs_files"


class ContentStore:
    """Content by file id. The backend is picked on first use, once the store is open."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub
        self._dir: Path | None = None
        self._bucket: AsyncGridFSBucket | None = None

    @property
    def emulated(self) -> bool:
        store = self._hub.store
        assert store is not None, "the store is not open"
        return bool(store.emulated)

    def _bucket_of(self) -> AsyncGridFSBucket:
        if self._bucket is None:
            store = self._hub.store
            assert store is not None, "the store is not open"
            self._bucket = AsyncGridFSBucket(store.database, bucket_name=BUCKET, chunk_size_bytes=CHUNK)
        return self._bucket

    def _path(self, file_id: ObjectId) -> Path:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="xietong-files-"))
        return self._dir / str(file_id)

    async def put(self, file_id: ObjectId, filename: str, source: IO[bytes]) -> None:
        """Copy a spooled, already checked file in. On failure nothing of it is left behind."""
        source.seek(0)
        if self.emulated:
            path = self._path(file_id)
            await asyncio.to_thread(_copy_to, source, path)
            return
        stream = self._bucket_of().open_upload_stream_with_id(file_id, filename)
        try:
            while chunk := source.read(CHUNK):
                await stream.write(chunk)
        except BaseException:
            # abort() deletes the chunks written so far: a failed copy leaves no orphans.
            await stream.abort()
            raise
        await stream.close()

    async def open(self, file_id: ObjectId) -> AsyncIterator[bytes]:
        """The content in chunks, read lazily so a download holds at most one chunk in memory."""
        if self.emulated:
            path = self._path(file_id)
            with path.open("rb") as fh:
                while chunk := await asyncio.to_thread(fh.read, CHUNK):
                    yield chunk
            return
        grid_out = await self._bucket_of().open_download_stream(file_id)
        try:
            while chunk := await grid_out.readchunk():
                yield chunk
        finally:
            await grid_out.close()

    async def read_prefix(self, file_id: ObjectId, limit: int) -> bytes:
        """Up to limit bytes from the start (text extraction reads bounded files whole)."""
        parts: list[bytes] = []
        got = 0
        async for chunk in self.open(file_id):
            parts.append(chunk)
            got += len(chunk)
            if got >= limit:
                break
        return b"".join(parts)[:limit]

    async def delete(self, file_id: ObjectId) -> None:
        if self.emulated:
            self._path(file_id).unlink(missing_ok=True)
            return
        try:
            await self._bucket_of().delete(file_id)
        except NoFile:
            pass

    async def count_chunks(self) -> int:
        """Chunks stored in GridFS (or files in the directory): tests check that refused uploads leave none."""
        if self.emulated:
            return len(os.listdir(self._dir)) if self._dir is not None else 0
        store = self._hub.store
        assert store is not None
        return int(await store.database[f"{BUCKET}.chunks"].count_documents({}))

    def close(self) -> None:
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


def _copy_to(source: IO[bytes], path: Path) -> None:
    tmp = path.with_suffix(".part")
    try:
        with tmp.open("wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
