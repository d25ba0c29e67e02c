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

    private static boolean isRecordAccessorOfOwnClass(Class<?> type, Method method) {
        return type.isRecord() && type.getName().startsWith(OWN_PACKAGE) && method.getParameterCount() == 0;
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return true;
    }
}
