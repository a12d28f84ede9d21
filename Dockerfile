# One image per service, built from source: docker build --build-arg SERVICE=catalog-service .
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<module>" && false)
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests -pl "$SERVICE" -am package \
    && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 ocop
COPY --from=build /app.jar /app/app.jar
USER ocop
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
