package id.lindung.support;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Every jqwik property runs with a fixed seed (registered for all of them in
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}): its own {@code @Property(seed = ...)}, else
 * {@link #DEFAULT}; {@code -Dlindung.test.seed} replaces both (see {@link TestSeeds}). jqwik itself would draw a new
 * seed on every run for a property without one.
 */
public class FixedJqwikSeeds implements AroundPropertyHook {

    static final long DEFAULT = 20261207L;

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        String own = attributes.seed().filter(s -> !s.isBlank()).orElse(null);
        long fixed = own == null ? DEFAULT : Long.parseLong(own);
        attributes.setSeed(Long.toString(TestSeeds.seed(context.extendedLabel(), fixed)));
        return property.execute();
    }
}
