# The Python interpreter of the whole build: the python/ module, its tests and the layers test
# (docs/python.md, "Which Python").
#
# The module is built for one interpreter and imported by that one only, and Debian's
# python3-pybind11, python3-pandas, python3-matplotlib and python3-pytest belong to Debian's
# /usr/bin/python3. The python3 first on PATH may be another one (pyenv, conda, a venv) without
# them, so each candidate is asked what it can import: OGI_PYTHON when given (used as it is), else
# the python3 on PATH and /usr/bin/python3, the first that imports pybind11, pytest, pandas and
# matplotlib; failing that, the first that imports pybind11 (the module is built, its tests will
# say what is missing). Sets OGI_PYTHON_EXECUTABLE (empty when none has pybind11) and
# Python3_EXECUTABLE, which find_package(Python3) then uses everywhere in the tree.
set(OGI_PYTHON "" CACHE FILEPATH "The Python interpreter to build the module for (default: see cmake/python.cmake)")

function(ogi_python_imports python modules out)
  execute_process(COMMAND ${python} -c "import ${modules}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

# Asking is slow (importing pandas and matplotlib takes a second), so the answer is kept for the
# same candidates; -DOGI_PYTHON=… or a new PATH asks again.
find_program(OGI_PATH_PYTHON3 NAMES python3 NO_CACHE)
set(candidates ${OGI_PYTHON})
if(NOT OGI_PYTHON)
  set(candidates ${OGI_PATH_PYTHON3} /usr/bin/python3)
endif()
if(NOT "${candidates}" STREQUAL "${OGI_PYTHON_CANDIDATES}")
  set(chosen "")
  if(OGI_PYTHON)
    set(chosen ${OGI_PYTHON})
  else()
    set(fallback "")
    foreach(python IN LISTS candidates)
      if(NOT EXISTS ${python})
        continue()
      endif()
      ogi_python_imports(${python} "pybind11, pytest, pandas, matplotlib" complete)
      if(complete)
        set(chosen ${python})
        break()
      endif()
      if(NOT fallback)
        ogi_python_imports(${python} "pybind11" has_pybind11)
        if(has_pybind11)
          set(fallback ${python})
        endif()
      endif()
    endforeach()
    if(NOT chosen)
      set(chosen ${fallback})
    endif()
  endif()
  set(OGI_PYTHON_CANDIDATES "${candidates}" CACHE INTERNAL "the interpreters last asked")
  set(OGI_PYTHON_EXECUTABLE "${chosen}" CACHE INTERNAL "the interpreter chosen among them")
endif()

if(OGI_PYTHON_EXECUTABLE)
  set(Python3_EXECUTABLE ${OGI_PYTHON_EXECUTABLE})
  message(STATUS "ogi: Python ${OGI_PYTHON_EXECUTABLE}")
endif()
