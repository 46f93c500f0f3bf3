package pe.gob.munlima.convoca.requirement;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Walks {@link Requirements} by the names of its facts, so that storing, merging,
 * comparing, showing and testing a call's requirements never lists the facts by hand:
 * that list is the records' components, read once by reflection.
 */
public final class RequirementFacts {

	/**
	 * Facts whose values come together from one source (see {@link Requirements.Money}).
	 */
	private static final Set<String> AMOUNTS = Set.of("currency", "amountMin", "amountMax", "totalBudget");

	/** The values that are not facts but that a person may still correct. */
	private static final Set<String> CORRECTABLE_VALUES = Set.of("currency");

	private static final List<Slot> SLOTS = slots();

	private static final Map<String, Slot> BY_NAME = byName();

	private static final List<String> CORRECTABLE = SLOTS.stream()
		.filter(slot -> slot.fact() || CORRECTABLE_VALUES.contains(slot.name()))
		.map(Slot::name)
		.toList();

	private RequirementFacts() {
	}

	/**
	 * A stated fact.
	 *
	 * @param name the fact's name ("networkRequired")
	 * @param group the group it belongs to ("partners"), or null for a fact of its own
	 * @param value what the call says
	 * @param evidence the words it was read from
	 */
	public record Stated(String name, String group, Object value, String evidence) {
	}

	/** The names of every fact and of the other values of the model, in order. */
	public static List<String> names() {
		return SLOTS.stream().map(Slot::name).toList();
	}

	static List<Stated> stated(Requirements requirements) {
		List<Stated> stated = new ArrayList<>();
		for (Slot slot : SLOTS) {
			if (slot.fact() && slot.get(requirements) instanceof Fact<?> fact) {
				stated.add(new Stated(slot.name(), slot.groupName(), fact.value(), fact.evidence()));
			}
		}
		return stated;
	}

	static Object value(Requirements requirements, String name) {
		Slot slot = BY_NAME.get(name);
		if (slot == null) {
			throw new IllegalArgumentException("no requirement is called " + name + "; known: " + names());
		}
		Object value = slot.get(requirements);
		return slot.fact() ? Fact.valueOf((Fact<?>) value) : value;
	}

	static String evidence(Requirements requirements, String name) {
		Slot slot = BY_NAME.get(name);
		if (slot == null || !slot.fact()) {
			return null;
		}
		return Fact.evidenceOf((Fact<?>) slot.get(requirements));
	}

	static Requirements build(Map<String, ?> values, Map<String, String> evidence) {
		Set<String> unknown = new TreeSet<>(values.keySet());
		unknown.removeAll(BY_NAME.keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("no requirement is called " + unknown + "; known: " + names());
		}
		Map<String, String> quotes = evidence == null ? Map.of() : evidence;
		return assemble(slot -> {
			Object value = convert(slot.name(), values.get(slot.name()), slot.valueType());
			return slot.fact() ? Fact.of(value, quotes.get(slot.name())) : value;
		});
	}

	/**
	 * The names a person may correct: every fact, and the currency of the amounts. The
	 * self-check's material and the funder's rule are not said by a call: they follow
	 * from the facts they belong to.
	 */
	public static List<String> correctable() {
		return SLOTS.stream()
			.filter(slot -> slot.fact() || CORRECTABLE_VALUES.contains(slot.name()))
			.map(Slot::name)
			.toList();
	}

	/** What kind of value a fact holds, for a form that asks for it. */
	public enum Kind {

		/** Codes (applicant types, countries, languages …), several at once. */
		LIST,
		/** An amount, a percentage, a count. */
		NUMBER,
		/** Yes or no. */
		BOOLEAN,
		/** One code (a network, a region, an instrument, a currency). */
		TEXT

	}

	/**
	 * The kind of value a fact holds.
	 * @throws IllegalArgumentException for a name the model does not have
	 */
	public static Kind kind(String name) {
		Slot slot = BY_NAME.get(name);
		if (slot == null) {
			throw new IllegalArgumentException("no requirement is called " + name + "; known: " + names());
		}
		Type type = slot.valueType();
		if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
			return Kind.LIST;
		}
		if (type == Boolean.class) {
			return Kind.BOOLEAN;
		}
		if (type == Long.class || type == Integer.class || type == BigDecimal.class) {
			return Kind.NUMBER;
		}
		return Kind.TEXT;
	}

	static Requirements with(Requirements requirements, String name, Object value, String evidence) {
		Slot corrected = BY_NAME.get(name);
		if (corrected == null || !correctable().contains(name)) {
			throw new IllegalArgumentException(
					"no requirement can be corrected as " + name + "; known: " + correctable());
		}
		Object converted = convert(name, value, corrected.valueType());
		return assemble(slot -> {
			if (slot == corrected) {
				return slot.fact() ? Fact.of(converted, evidence) : converted;
			}
			if (slot.name().equals(name + "Named")
					|| ("funderRule".equals(slot.name()) && "eligibleGeographies".equals(name))) {
				// What a person confirmed needs no self-check, and a stated place needs
				// no
				// funder's general rule.
				return null;
			}
			return slot.get(requirements);
		});
	}

	static Requirements merge(List<Requirements> byPrecedence) {
		if (byPrecedence.isEmpty()) {
			return Requirements.NONE;
		}
		Requirements paid = byPrecedence.stream()
			.filter(r -> r.money().currency() != null || r.money().statesAmount())
			.findFirst()
			.orElse(byPrecedence.get(0));
		return assemble(slot -> {
			if (AMOUNTS.contains(slot.name())) {
				return slot.get(paid);
			}
			for (Requirements requirements : byPrecedence) {
				Object value = slot.get(requirements);
				if (value != null && !(value instanceof Collection<?> list && list.isEmpty())) {
					return value;
				}
			}
			return null;
		});
	}

	/** Builds the records from a value per slot, group by group. */
	private static Requirements assemble(Function<Slot, Object> valueOf) {
		RecordComponent[] top = Requirements.class.getRecordComponents();
		Object[] topArgs = new Object[top.length];
		for (int i = 0; i < top.length; i++) {
			RecordComponent component = top[i];
			if (isGroup(component)) {
				RecordComponent[] inner = component.getType().getRecordComponents();
				Object[] args = new Object[inner.length];
				for (int j = 0; j < inner.length; j++) {
					args[j] = valueOf.apply(BY_NAME.get(inner[j].getName()));
				}
				topArgs[i] = construct(component.getType(), args);
			}
			else {
				topArgs[i] = valueOf.apply(BY_NAME.get(component.getName()));
			}
		}
		return (Requirements) construct(Requirements.class, topArgs);
	}

	private static Object construct(Class<?> type, Object[] args) {
		Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			return constructor.newInstance(args);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build " + type.getSimpleName(), ex);
		}
	}

	/** A value given by hand (YAML, a form) turned into the kind the fact holds. */
	private static Object convert(String name, Object raw, Type type) {
		if (raw == null) {
			return null;
		}
		try {
			if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
				if (raw instanceof Collection<?> values) {
					return values.stream().map(String::valueOf).toList();
				}
				throw new IllegalArgumentException(name + " is a list, not " + raw);
			}
			if (type == String.class) {
				return String.valueOf(raw);
			}
			if (type == Boolean.class && raw instanceof Boolean) {
				return raw;
			}
			if (type == Long.class) {
				return new BigDecimal(raw.toString()).longValueExact();
			}
			if (type == Integer.class) {
				return new BigDecimal(raw.toString()).intValueExact();
			}
			if (type == BigDecimal.class) {
				return new BigDecimal(raw.toString());
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// fall through to the error below
		}
		throw new IllegalArgumentException(name + " cannot be " + raw);
	}

	private static List<Slot> slots() {
		List<Slot> slots = new ArrayList<>();
		for (RecordComponent component : Requirements.class.getRecordComponents()) {
			if (isGroup(component)) {
				for (RecordComponent inner : component.getType().getRecordComponents()) {
					slots.add(Slot.of(component, inner));
				}
			}
			else {
				slots.add(Slot.of(null, component));
			}
		}
		return List.copyOf(slots);
	}

	/**
	 * A group of facts (applicants, places ...), as opposed to a fact or a plain value.
	 */
	private static boolean isGroup(RecordComponent component) {
		return component.getType().isRecord() && component.getType() != Fact.class;
	}

	private static Map<String, Slot> byName() {
		Map<String, Slot> byName = new LinkedHashMap<>();
		for (Slot slot : SLOTS) {
			if (byName.put(slot.name(), slot) != null) {
				throw new IllegalStateException("two requirements are called " + slot.name());
			}
		}
		return byName;
	}

	/**
	 * One value of the model: a component of a group (or of the requirements themselves).
	 *
	 * @param valueType the type of the value: T of a {@code Fact<T>}, or the component's
	 * own type for the values that are not facts
	 */
	private record Slot(String name, RecordComponent group, RecordComponent component, boolean fact, Type valueType) {

		static Slot of(RecordComponent group, RecordComponent component) {
			boolean fact = component.getType() == Fact.class;
			Type valueType = fact ? ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0]
					: component.getGenericType();
			return new Slot(component.getName(), group, component, fact, valueType);
		}

		String groupName() {
			return this.group == null ? null : this.group.getName();
		}

		Object get(Requirements requirements) {
			try {
				Object holder = this.group == null ? requirements : this.group.getAccessor().invoke(requirements);
				return this.component.getAccessor().invoke(holder);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot read " + this.name, ex);
			}
		}

	}

}
