package org.threatreport.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests (and {@code @BeforeAll} methods) of a class extended with it a {@link Trino} parameter: one
 * cluster for the whole test run, started by the first class that asks for it and stopped when the run
 * ends, so that the classes testing Trino pay its start-up once. A class that cannot have it is skipped
 * (or fails under {@value Requires#REQUIRE_ALL}).
 */
public final class TrinoCluster implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrinoCluster.class);

    /** The cluster as the run's store keeps it: closed by JUnit when the run ends. */
    private record Running(Trino trino) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            trino.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Trino.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Requires.that(context.getRequiredTestClass(), Trino.tarball() != null, Trino.MISSING_TARBALL);
        Requires.that(context.getRequiredTestClass(), Trino.javaHome() != null, Trino.MISSING_JAVA);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> {
            try {
                long start = System.nanoTime();
                Trino trino = Trino.start();
                System.out.printf("Trino %s: a coordinator and a worker started in %.1f s%n", Trino.VERSION,
                        (System.nanoTime() - start) / 1e9);
                return new Running(trino);
            } catch (Exception e) {
                throw new IllegalStateException("the Trino cluster did not start", e);
            }
        }, Running.class).trino();
    }
}
