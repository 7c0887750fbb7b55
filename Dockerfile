# One image recipe for every service; docker-compose.yml picks the service with the SERVICE build argument.
# Build context is the repository root: the contract module is built together with the service.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN ./mvnw -B -q -ntp -pl "${SERVICE}" -am -DskipTests package \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 newsroom
COPY --from=build /app.jar /app/app.jar
USER 10001
# Container memory limits decide the heap, not the host's memory.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
