# sense-probe image: the service (`run`), the simulator (`simulator --dir ...`) and one-shot checks.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY routes routes
COPY config config
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
# curl serves the container health check on Camel's /observe/health
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/sense-probe.jar /app/target/sense-probe.jar
COPY routes /app/routes
COPY config /app/config
RUN mkdir -p /app/connections /app/inbox /app/out
ENV SENSE_PROBE_HOME=/app
# as the launcher: two malloc arenas, not eight per core (RSS)
ENV MALLOC_ARENA_MAX=2
EXPOSE 9876
# the launcher's memory settings for the service (see ./sense-probe): 1,000 connections within 256 MB RSS
ENTRYPOINT ["java", "-Xmx112m", "-Xms112m", "-XX:+AlwaysPreTouch", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Dfile.encoding=UTF-8", "-jar", "/app/target/sense-probe.jar"]
CMD ["run"]
