# The Chronology service, built from this repository with uv.
FROM python:3.11-slim

COPY --from=ghcr.io/astral-sh/uv:latest /uv /usr/local/bin/uv
WORKDIR /app
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy

COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev

RUN useradd --system --home /app chronology
USER chronology
EXPOSE 8000
CMD ["uv", "run", "--no-sync", "chronology", "serve", "--host", "0.0.0.0", "--port", "8000"]
