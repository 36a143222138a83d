package com.ecolaura.problems.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields the representation a {@code GET} returns has but a write cannot set (an eco score, a
 * timestamp): a body carrying them is accepted and they are dropped, so that a client can send back
 * what it read. Fields the resource checks itself (an id against the path) are fields of the input.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyFields {

    String[] value();
}
