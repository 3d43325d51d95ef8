# sense-probe image: the service (`run`), the simulator (`simulator --dir ...`) and one-shot checks.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# --build-arg MAVEN_PROFILES=kubernetes: the jar with camel-kubernetes (sense.cluster.service=kubernetes)
ARG MAVEN_PROFILES=
COPY pom.xml .
RUN mvn -q -B --no-transfer-progress -Dstyle.color=never ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} dependency:go-offline
COPY src src
COPY routes routes
COPY config config
# no class-data archives here: an archive fits only the JVM and the jar path it was made with (made below)
RUN mvn -q -B --no-transfer-progress -Dstyle.color=never -DskipTests -Dsense.archives.skip=true ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} package

FROM eclipse-temurin:17-jre
# curl serves the container health check on Camel's /observe/health
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Temurin 25 beside the image's Java 17: one-shot checks start from its AOT cache (the service stays on Java 17)
COPY --from=eclipse-temurin:25-jre /opt/java/openjdk /opt/java/openjdk-25
WORKDIR /app
COPY --from=build /src/target/sense-probe.jar /app/target/sense-probe.jar
COPY routes /app/routes
COPY config /app/config
COPY sense-probe /app/sense-probe
RUN mkdir -p /app/connections /app/inbox /app/out
ENV SENSE_PROBE_HOME=/app
# the class-data archives for this image's JVMs and jar path: the JDK 25 AOT cache and Java 17's AppCDS archive,
# trained by one-shot checks against the bundled simulator on loopback (the build fails when either is missing)
RUN /app/sense-probe --train-archives \
 && test -s /app/target/archive/sense-probe-25.aot && test -s /app/target/archive/sense-probe-17.jsa \
 && rm -rf /app/target/archive-training
EXPOSE 9876 8080
# the launcher sets the JVM options per command (the service's memory settings and C1 only for `run`, the archive
# and short-lived-process options for one-shot commands; see ./sense-probe) and execs java, so java is PID 1 and
# gets the container's signals
ENTRYPOINT ["/app/sense-probe"]
CMD ["run"]
