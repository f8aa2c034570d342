@org.jspecify.annotations.NullMarked
package id.lindung.claim.letter;
