# One image recipe for every service; docker-compose.yml picks the service with the SERVICE build argument.
# Build context is the repository root: the contract module is built together with the service.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
# The jar's layers (dependencies, loader, snapshot dependencies, application) become image layers
# below, so a code change rebuilds only the small application layer; --launcher keeps Boot's launcher.
RUN ./mvnw -B -q -ntp -pl "${SERVICE}" -am -DskipTests package \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17-jre
# The services' state folder: a named volume mounted here (ingest's, in docker-compose.yml) starts
# out owned by the service's user, as Docker copies the folder's owner into a new volume.
RUN useradd --system --uid 10001 newsroom \
    && mkdir -p /var/lib/newsroom && chown newsroom /var/lib/newsroom
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
# The port each service listens on by default (ingest 8081, enrich 8082, publish 8083); compose maps them.
ARG SERVICE_PORT=8080
ENV SERVER_PORT=${SERVICE_PORT}
EXPOSE ${SERVICE_PORT}
# Ready, not just alive: the readiness group includes what the service needs to answer (ledger, store).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=12 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
# Container memory limits decide the heap, not the host's memory; an OutOfMemoryError ends the JVM so
# that the restart policy replaces it instead of leaving a half-working service.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
