package org.threatreport.render;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What templates may call on the objects they are given: the public methods that this project's
 * own classes declare, and nothing else — no {@code getClass()}, no constructors, no fields — so
 * an editor's template cannot reach the JVM.
 */
final class SandboxPolicy implements MemberAccessPolicy {

    static final SandboxPolicy INSTANCE = new SandboxPolicy();
    private static final String OWN_PACKAGE = "org.threatreport.";

    private SandboxPolicy() {
    }

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                if (method.getName().equals("getClass")) {
                    return false;
                }
                return method.getDeclaringClass().getName().startsWith(OWN_PACKAGE)
                        || isRecordAccessorOfOwnClass(contextClass, method);
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };
    }

    /** Only the accessors of a record's components: never getClass(), hashCode() or the like. */
    private static boolean isRecordAccessorOfOwnClass(Class<?> type, Method method) {
        if (!type.isRecord() || !type.getName().startsWith(OWN_PACKAGE) || method.getParameterCount() != 0) {
            return false;
        }
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(method.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return true;
    }
}
