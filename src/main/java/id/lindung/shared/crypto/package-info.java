@org.jspecify.annotations.NullMarked
package id.lindung.shared.crypto;
