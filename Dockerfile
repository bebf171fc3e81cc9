# monitor as a container: `docker build -t monitor . && docker run -v monitor-data:/srv/monitor/data monitor`
# Mount your own config over /srv/monitor/config to change feeds, watchlist or digest channels.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --system --create-home --home-dir /srv/monitor monitor
WORKDIR /srv/monitor

COPY pyproject.toml README.md CHANGELOG.md /build/
COPY monitor /build/monitor
COPY config /build/config
COPY alembic /build/alembic
RUN pip install "/build[postgres]" && rm -rf /build

COPY --chown=monitor:monitor config /srv/monitor/config
RUN mkdir -p /srv/monitor/data && chown monitor:monitor /srv/monitor/data
VOLUME /srv/monitor/data
USER monitor

# SIGTERM stops the daemon cleanly within seconds (exit 0).
STOPSIGNAL SIGTERM
ENTRYPOINT ["monitor"]
CMD ["run", "--log-format", "json"]
