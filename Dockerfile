# sense-probe image: the service (`run`), the simulator (`simulator --dir ...`) and one-shot checks.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# --build-arg MAVEN_PROFILES=kubernetes: the jar with camel-kubernetes (sense.cluster.service=kubernetes)
ARG MAVEN_PROFILES=
COPY pom.xml .
RUN mvn -q -B ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} dependency:go-offline
COPY src src
COPY routes routes
COPY config config
RUN mvn -q -B -DskipTests ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} package

FROM eclipse-temurin:17-jre
# curl serves the container health check on Camel's /observe/health
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/sense-probe.jar /app/target/sense-probe.jar
COPY routes /app/routes
COPY config /app/config
COPY sense-probe /app/sense-probe
RUN mkdir -p /app/connections /app/inbox /app/out
ENV SENSE_PROBE_HOME=/app
EXPOSE 9876 8080
# the launcher sets the JVM options per command (the service's memory settings and C1 only for `run`; see ./sense-probe)
# and execs java, so java is PID 1 and gets the container's signals
ENTRYPOINT ["/app/sense-probe"]
CMD ["run"]
