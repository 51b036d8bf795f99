package dev.visionary.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * Visionary's logging, set up in code: logback finds this through ServiceLoader before it looks for
 * logback.xml, whose parsing cost every start-up about a tenth of a second of a cold JVM.
 * {@code -Dlogback.configurationFile=your.xml} still replaces it.
 */
public final class Logging extends ContextAwareBase implements Configurator {
  /** Libraries that log their own start-up and routine work at INFO; their warnings still show. */
  private static final List<String> QUIET = List.of("org.eclipse.jetty", "org.flywaydb", "com.zaxxer.hikari", "io.zonky",
      "io.javalin", "org.thymeleaf", "com.github.kagkarlsson");

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDOUT");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
