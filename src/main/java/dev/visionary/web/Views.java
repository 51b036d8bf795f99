package dev.visionary.web;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** One Thymeleaf engine for the whole app: templates from the classpath, cached, rendered whole or by fragment. */
public final class Views {
  private final TemplateEngine engine;

  public Views() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    RecordCalls.install();
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
  }

  public String render(String template, Map<String, Object> model) {
    return engine.process(template, new Context(null, model));
  }

  /** Renders only the named {@code th:fragment} of a template (for HTMX swaps). */
  public String fragment(String template, String fragment, Map<String, Object> model) {
    return engine.process(template, Set.of(fragment), new Context(null, model));
  }
}
