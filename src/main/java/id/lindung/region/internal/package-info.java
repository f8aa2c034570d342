@org.jspecify.annotations.NullMarked
package id.lindung.region.internal;
