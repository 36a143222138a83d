package com.ecolaura.problems.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of non-blank words, each at most {@code maxLength} characters and matching {@code pattern}.
 * (One constraint on the list instead of constraints on its type argument, which Payara's
 * OpenAPI generator cannot read.)
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Words.Validator.class)
public @interface Words {

    String message() default "each entry must be 1 to {maxLength} characters";

    int maxLength();

    String pattern() default ".*";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Words, List<String>> {

        private int maxLength;
        private Pattern pattern;

        @Override
        public void initialize(Words words) {
            maxLength = words.maxLength();
            pattern = Pattern.compile(words.pattern());
        }

        @Override
        public boolean isValid(List<String> words, ConstraintValidatorContext context) {
            return words == null
                    || words.stream()
                            .allMatch(word -> word != null
                                    && !word.isBlank()
                                    && word.length() <= maxLength
                                    && pattern.matcher(word).matches());
        }
    }
}
