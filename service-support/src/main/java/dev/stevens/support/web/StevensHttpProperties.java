package dev.stevens.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize requests with a larger body are refused with 413 before they are read
 */
@ConfigurationProperties("stevens.http")
public record StevensHttpProperties(@DefaultValue("8MB") DataSize maxBodySize) {}
