package id.lindung.shared.web;

import id.lindung.shared.Bounds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.YearMonthDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date and month in a JSON body is read as usual and then refused while reading when its year lies outside
 * {@link Bounds#FIRST_YEAR} to {@link Bounds#LAST_YEAR}: years 0, 1, 9999 or 999999999 are never meant, and a date
 * PostgreSQL cannot store (beyond year 294276) would otherwise surface as a server error. The refusal is a
 * {@code DatabindException} with the field's path, which the API answers as 422 naming the field. The bounds of
 * each kind of date (paid on, event date, contribution month, ...) are checked by the services through
 * {@link Bounds}; this is only the floor under all of them.
 */
@Configuration(proxyBeanMethods = false)
class ReadableDates {

    @Bean
    JacksonModule readableDatesModule() {
        SimpleModule module = new SimpleModule("lindung-readable-dates");
        module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        module.addDeserializer(YearMonth.class, new Checked<>(YearMonth.class, YearMonthDeserializer.INSTANCE));
        return module;
    }

    private static final class Checked<T extends Temporal> extends StdDeserializer<T> {

        private final Class<T> type;
        private final ValueDeserializer<T> reader;

        Checked(Class<T> type, ValueDeserializer<T> reader) {
            super(type);
            this.type = type;
            this.reader = reader;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            T value = reader.deserialize(p, ctxt);
            if (value != null && !Bounds.readableYear(value.get(ChronoField.YEAR))) {
                return type.cast(ctxt.handleWeirdStringValue(
                        type, value.toString(), "year outside " + Bounds.FIRST_YEAR + " to " + Bounds.LAST_YEAR));
            }
            return value;
        }
    }
}
