# One image recipe for the three services: docker compose builds it with SERVICE=<module>.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN ./mvnw -q -B -DskipTests -pl ${SERVICE} -am package \
 && cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 stevens
USER stevens
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
