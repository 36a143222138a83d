package com.ecolaura.caching.codec;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Lets Jackson decode a {@link Serializable} class that has neither a no-argument constructor nor a
 * creator Jackson can see (a plain value class such as {@code Blog(String title, String body)},
 * compiled without parameter names): it is instantiated the way Java serialization does it, by the
 * no-argument constructor of its first non-serializable superclass, and its fields are then set
 * from the JSON through its getters' fields. The class is always the one the reader names (a
 * cached method's return type), never one the stored data names.
 */
final class SerializableInstantiation extends SimpleModule {

    private static final ClassValue<Optional<Constructor<?>>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Optional<Constructor<?>> computeValue(Class<?> type) {
            try {
                return Optional.ofNullable(
                        sun.reflect.ReflectionFactory.getReflectionFactory().newConstructorForSerialization(type));
            } catch (RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        }
    };

    SerializableInstantiation() {
        super("serializable-instantiation");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator findValueInstantiator(
                    DeserializationConfig config, BeanDescription bean, ValueInstantiator found) {
                Class<?> type = bean.getBeanClass();
                if (found.canInstantiate()
                        || !Serializable.class.isAssignableFrom(type)
                        || type.isInterface()
                        || Modifier.isAbstract(type.getModifiers())
                        || type.isRecord()
                        || type.isEnum()) {
                    return found;
                }
                return CONSTRUCTORS
                        .get(type)
                        .<ValueInstantiator>map(c -> new Fieldwise(found, c))
                        .orElse(found);
            }
        });
    }

    private static final class Fieldwise extends ValueInstantiator.Delegating {

        private final Constructor<?> constructor;

        Fieldwise(ValueInstantiator delegate, Constructor<?> constructor) {
            super(delegate);
            this.constructor = constructor;
        }

        @Override
        public boolean canInstantiate() {
            return true;
        }

        @Override
        public boolean canCreateUsingDefault() {
            return true;
        }

        @Override
        public Object createUsingDefault(DeserializationContext context) throws java.io.IOException {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                return context.handleInstantiationProblem(getValueClass(), null, e);
            }
        }
    }
}
