/** ICE candidate gathering over libnice; see {@link io.github.nicegather.IceApi}. */
module io.github.nicegather {
  requires org.bytedeco.javacpp;

  exports io.github.nicegather;

  // JavaCPP's Loader reads the binding's annotations and JNI resolves its classes reflectively.
  opens io.github.nicegather.internal to
      org.bytedeco.javacpp;
}
