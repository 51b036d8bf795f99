package dev.visionary.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ognl.MethodAccessor;
import ognl.MethodFailedException;
import ognl.ObjectMethodAccessor;
import ognl.OgnlContext;
import ognl.OgnlRuntime;

/**
 * How templates read the app's own view records: {@code ${c.prompt()}} calls the record's method through a handle
 * looked up once per class. OGNL otherwise finds the method by name among all of the class's methods, checks it
 * against Thymeleaf's list of forbidden members and invokes it reflectively, on every evaluation: over a third of
 * a page's rendering time (measured on a Studio expansion's four cards, about 170 such calls). Only
 * argument-less public methods declared by records of this app's packages take this path, so Thymeleaf's
 * restrictions, which concern the JDK's classes, lose nothing; every other call goes to OGNL's own accessor.
 */
final class RecordCalls implements MethodAccessor {
  private static final String OWN_PACKAGES = "dev.visionary.";
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

  private static final ClassValue<Map<String, MethodHandle>> METHODS = new ClassValue<>() {
    @Override
    protected Map<String, MethodHandle> computeValue(Class<?> type) {
      if (!type.isRecord() || !type.getName().startsWith(OWN_PACKAGES)) {
        return Map.of();
      }
      Map<String, MethodHandle> methods = new HashMap<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
            && m.getReturnType() != void.class && !m.isSynthetic()) {
          try {
            m.setAccessible(true); // the record itself may be package-private: its methods are public all the same
            methods.put(m.getName(), MethodHandles.lookup().unreflect(m).asType(GETTER));
          } catch (ReflectiveOperationException | RuntimeException e) {
            // left to OGNL, which reports whatever the problem is when a template uses it
          }
        }
      }
      return Map.copyOf(methods);
    }
  };

  private final MethodAccessor ognl = new ObjectMethodAccessor();

  /** For every record (OGNL finds an accessor through the target's superclasses). */
  static void install() {
    OgnlRuntime.setMethodAccessor(Record.class, new RecordCalls());
  }

  @Override
  public Object callMethod(OgnlContext context, Object target, String name, Object[] args) throws MethodFailedException {
    if (args.length == 0) {
      MethodHandle method = METHODS.get(target.getClass()).get(name);
      if (method != null) {
        try {
          return method.invokeExact(target);
        } catch (Throwable e) {
          throw new MethodFailedException(target, name, e);
        }
      }
    }
    return ognl.callMethod(context, target, name, args);
  }

  @Override
  public Object callStaticMethod(OgnlContext context, Class<?> type, String name, Object[] args) throws MethodFailedException {
    return ognl.callStaticMethod(context, type, name, args);
  }
}
